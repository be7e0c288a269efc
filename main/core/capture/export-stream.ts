import type { Database } from 'better-sqlite3';
import { Observable } from 'rxjs';
import type { ExportEvent, ExportRequest } from '../../common/contract/rpc-methods.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import { exportCrossings } from './export-crossings.js';

/** Well under the RPC message limit, with room for JSON escaping. */
const CHUNK_CHARS = 256 * 1024;

/**
 * An export for the screen: the period is read and audited at once (it is
 * at most MAX_EXPORT_DAYS, a few thousand records a day), then sent a chunk
 * per turn of the event loop, so the link is never flooded.
 */
export function exportStream(db: Database, audit: AuditTrail, request: ExportRequest, officerId: string): Observable<ExportEvent> {
  return new Observable<ExportEvent>((subscriber) => {
    const chunks: string[] = [];
    let pending = '';
    const records = exportCrossings(
      db,
      audit,
      { sinceMs: Date.parse(request.since), untilMs: Date.parse(request.until) },
      request.format,
      (text) => {
        pending += text;
        if (pending.length >= CHUNK_CHARS) {
          chunks.push(pending);
          pending = '';
        }
      },
      officerId,
    );
    if (pending !== '') chunks.push(pending);
    let next = 0;
    let timer: NodeJS.Immediate | undefined;
    const send = (): void => {
      const chunk = chunks[next];
      if (chunk === undefined) {
        subscriber.next({ kind: 'done', records });
        subscriber.complete();
        return;
      }
      next += 1;
      subscriber.next({ kind: 'chunk', text: chunk });
      timer = setImmediate(send);
    };
    timer = setImmediate(send);
    return () => {
      if (timer !== undefined) clearImmediate(timer);
    };
  });
}
