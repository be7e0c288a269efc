import type { Database } from 'better-sqlite3';
import { Observable } from 'rxjs';
import type { ExportEvent, ExportRequest } from '../../common/contract/rpc-methods.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import { CrossingExport } from './export-crossings.js';

/** Well under the RPC message limit, with room for JSON escaping. */
const CHUNK_CHARS = 256 * 1024;
/** Records read and validated per turn: a few milliseconds, so a guard's record waits at most that long. */
const RECORDS_PER_TURN = 100;

/**
 * An export for the screen, a page of records per turn of the event loop:
 * a guard's record never waits behind a month's export, and the link is
 * never flooded. The export is audited when it ends, and also when the
 * screen leaves before its end (as not completed).
 */
export function exportStream(db: Database, audit: AuditTrail, request: ExportRequest, officerId: string): Observable<ExportEvent> {
  return new Observable<ExportEvent>((subscriber) => {
    const records = new CrossingExport(db, { sinceMs: Date.parse(request.since), untilMs: Date.parse(request.until) }, request.format);
    let pending = '';
    let audited = false;
    let timer: NodeJS.Immediate | undefined;
    const write = (text: string): void => {
      pending += text;
    };
    const turn = (): void => {
      timer = undefined;
      try {
        const more = records.writePage(write, RECORDS_PER_TURN);
        if (pending.length >= CHUNK_CHARS || (!more && pending !== '')) {
          subscriber.next({ kind: 'chunk', text: pending });
          pending = '';
        }
        if (more) {
          timer = setImmediate(turn);
          return;
        }
        audited = true;
        records.audit(audit, officerId);
        subscriber.next({ kind: 'done', records: records.count });
        subscriber.complete();
      } catch (error) {
        subscriber.error(error);
      }
    };
    timer = setImmediate(turn);
    return () => {
      if (timer !== undefined) clearImmediate(timer);
      if (audited || records.count === 0) return;
      try {
        records.audit(audit, officerId);
      } catch {
        // The screen has gone; the store that refused this audit refuses the next action too, and says so there.
      }
    };
  });
}
