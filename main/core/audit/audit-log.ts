import type { Database, Statement } from 'better-sqlite3';
import * as z from 'zod';
import { AuditEvent, type AuditPage, type AuditQuery } from '../../common/contract/audit.js';
import { decodeStoredBody } from '../store/body-codec.js';

/**
 * Events read per call at most: filters by officer or action are applied to
 * decoded events, so a rare officer in a long trail is found a bounded page at
 * a time, and the viewer asks again from `next`.
 */
const SCAN_BUDGET = 20_000;
const PAGE_ROWS = 1_000;

const Row = z.object({ chain_index: z.number().int().positive(), body: z.unknown() });

/** The audit trail as the supervisor reads it, newest first. */
export class AuditLog {
  private readonly page: Statement<[number, number]>;
  private readonly head: Statement<[]>;
  private readonly atOf: Statement<[number]>;
  private readonly bounds: Statement<[]>;

  constructor(db: Database) {
    this.page = db.prepare('SELECT chain_index, body FROM audit_events WHERE chain_index < ? ORDER BY chain_index DESC LIMIT ?');
    this.head = db.prepare('SELECT max(chain_index) FROM audit_events').pluck();
    this.atOf = db.prepare('SELECT body FROM audit_events WHERE chain_index <= ? ORDER BY chain_index DESC LIMIT 1').pluck();
    this.bounds = db.prepare('SELECT min(chain_index) AS low, max(chain_index) AS high FROM audit_events');
  }

  events(query: AuditQuery): AuditPage {
    const untilMs = query.until === undefined ? Number.POSITIVE_INFINITY : Date.parse(query.until);
    const sinceMs = query.since === undefined ? Number.NEGATIVE_INFINITY : Date.parse(query.since);
    let before = query.before ?? this.headIndex() + 1;
    // A period in the past starts where the trail reaches its end, found by bisection (events are appended in time order).
    if (query.until !== undefined) before = Math.min(before, this.firstIndexAfter(untilMs));
    const events: AuditPage['events'] = [];
    let scanned = 0;
    while (events.length < query.limit && scanned < SCAN_BUDGET && before > 1) {
      const rows = this.page.all(before, PAGE_ROWS).map((raw) => Row.parse(raw));
      if (rows.length === 0) return { events, next: null };
      for (const row of rows) {
        before = row.chain_index;
        scanned += 1;
        const event = readEvent(row.body);
        if (event === undefined) {
          if (query.officerId === undefined && query.action === undefined) events.push({ chainIndex: row.chain_index, unreadable: true });
        } else {
          const at = Date.parse(event.at);
          if (at < sinceMs) return { events, next: null };
          const wanted = at <= untilMs && (query.officerId === undefined || event.officerId === query.officerId) && (query.action === undefined || event.action === query.action);
          if (wanted) events.push(event);
        }
        if (events.length >= query.limit || scanned >= SCAN_BUDGET) break;
      }
    }
    return { events, next: before > this.lowIndex() ? before : null };
  }

  private headIndex(): number {
    const head: unknown = this.head.get();
    return typeof head === 'number' ? head : 0;
  }

  private lowIndex(): number {
    const { low } = z.object({ low: z.number().int().nullable() }).parse(this.bounds.get());
    return low ?? 0;
  }

  /** The first chain index whose event is later than `ms` (one past the head when none is). */
  private firstIndexAfter(ms: number): number {
    const { low, high } = z.object({ low: z.number().int().nullable(), high: z.number().int().nullable() }).parse(this.bounds.get());
    if (low === null || high === null) return 1;
    let lo = low;
    let hi = high + 1;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      const event = readEvent(this.atOf.get(mid));
      // An unreadable event counts as early: the scan then starts later and still meets it.
      if (event !== undefined && Date.parse(event.at) > ms) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

function readEvent(body: unknown): AuditEvent | undefined {
  try {
    const parsed = AuditEvent.safeParse(JSON.parse(decodeStoredBody(body)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
