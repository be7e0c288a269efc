import type { Database, Statement } from 'better-sqlite3';
import * as z from 'zod';
import { AuditEvent } from '../../common/contract/audit.js';
import { CrossingRecord, ResolutionRecord, VoidRecord } from '../../common/contract/crossing.js';
import { SyncedItemKind } from '../../common/contract/synced-item-kind.js';
import type { BatchAck, SyncItemKind } from '../../../sync/protocol/wire.js';
import type { Backlog, PendingItem, RelayStore } from '../../../sync/relay/relay-port.js';
import { deliveredThrough, markDeliveredThrough } from '../outbox/outbox.js';
import { readStoredJson, readStoredText } from '../store/stored-json.js';
import { writeWithoutFsync } from '../db/write-without-fsync.js';

const PendingRow = z.object({
  seq: z.number().int().positive(),
  kind: SyncedItemKind,
  supersedes: z.number().int().positive().nullable(),
  /** Text for an audit event stored plain, bytes for a compressed body. */
  body: z.union([z.string(), z.instanceof(Uint8Array)]).nullable(),
});

const BacklogRow = z.object({ last: z.number().int().nullable(), oldest: z.number().int().nullable() });

const schemas: Record<SyncItemKind, z.ZodType> = { crossing: CrossingRecord, void: VoidRecord, resolution: ResolutionRecord, audit: AuditEvent };


/**
 * An outbox row with its item, resolved through a requeue to where the item is
 * stored. An audit event stored plain (codec byte 0, see body-codec.ts) comes
 * back as text: a blob costs a Buffer of its own, some 3 µs, on every one of
 * the two in three items of a backlog that are audit events. SQLite does not
 * check that text is UTF-8; an event damaged on disk still fails its schema
 * here, or the audit chain's hash (`sahman audit verify`).
 */
const ITEMS = `
  SELECT o.seq, o.kind, r.supersedes,
    CASE o.kind
      WHEN 'crossing' THEN (SELECT body FROM crossings WHERE seq = coalesce(r.item_seq, o.seq))
      WHEN 'void' THEN (SELECT body FROM voids WHERE seq = coalesce(r.item_seq, o.seq))
      WHEN 'resolution' THEN (SELECT body FROM resolutions WHERE seq = coalesce(r.item_seq, o.seq))
      ELSE (
        SELECT CASE WHEN substr(body, 1, 1) = x'00' THEN CAST(substr(body, 2) AS TEXT) ELSE body END
        FROM audit_events WHERE seq = coalesce(r.item_seq, o.seq)
      )
    END AS body
  FROM outbox o LEFT JOIN requeued r ON r.seq = o.seq`;

/** The item's stored text once validated, or null (which central rejects into a dead letter) when it is missing or damaged. */
function validatedText(kind: SyncItemKind, body: string | Uint8Array | null): string {
  if (body === null) return 'null';
  const stored = typeof body === 'string' ? readStoredText(body, schemas[kind]) : readStoredJson(body, schemas[kind]);
  return stored.ok ? stored.text : 'null';
}

function toPendingItem(raw: unknown): PendingItem {
  const row = PendingRow.parse(raw);
  // Sent as the stored text: it was written as the canonical JSON of a validated record, and re-encoding it would only cost time.
  const record = validatedText(row.kind, row.body);
  const supersedes = row.supersedes === null ? '' : `,"supersedes":${String(row.supersedes)}`;
  // Keys in canonical order, around a record stored canonically: central digests the item's canonical form, and finds nothing to reorder.
  return { seq: row.seq, kind: row.kind, json: `{"kind":"${row.kind}","record":${record},"seq":${String(row.seq)}${supersedes}}` };
}

/**
 * The relay's view of the outbox. Items are read back and validated like any
 * other row; one that is damaged here is still sent (with a null record) so
 * that central rejects it into a dead letter: it must neither block the queue
 * nor vanish.
 */
export class OutboxRelayStore implements RelayStore {
  private readonly pending: Statement<[number, number]>;
  private readonly between: Statement<[number, number]>;
  private readonly backlogStatement: Statement<[number]>;
  private readonly deadLetter: Statement<[number, string, number]>;

  constructor(private readonly db: Database) {
    this.pending = db.prepare(`${ITEMS} WHERE o.seq > ? ORDER BY o.seq LIMIT ?`);
    this.between = db.prepare(`${ITEMS} WHERE o.created_at BETWEEN ? AND ? OR r.seq IS NOT NULL ORDER BY o.seq`);
    // Seqs are handed out without gaps (AUTOINCREMENT, and a rolled-back insert takes its seq back), so the backlog is a subtraction.
    this.backlogStatement = db.prepare(
      'SELECT (SELECT max(seq) FROM outbox) AS last, (SELECT created_at FROM outbox WHERE seq > ? ORDER BY seq LIMIT 1) AS oldest',
    );
    this.deadLetter = db.prepare('INSERT OR IGNORE INTO dead_letters (seq, reason, rejected_at) VALUES (?, ?, ?)');
  }

  deliveredThrough(): number {
    return deliveredThrough(this.db);
  }

  readPending(afterSeq: number, maxItems: number, maxBytes: number): readonly PendingItem[] {
    const items: PendingItem[] = [];
    let bytes = 0;
    for (const raw of this.pending.all(afterSeq, maxItems)) {
      const item = toPendingItem(raw);
      if (items.length > 0 && bytes + item.json.length > maxBytes) break;
      bytes += item.json.length;
      items.push(item);
    }
    return items;
  }

  itemsRecordedBetween(fromMs: number, toMs: number): readonly PendingItem[] {
    return this.between.all(fromMs, toMs).map(toPendingItem);
  }

  /**
   * Written without waiting for fsync: an acknowledgement lost to a power cut
   * only means the items are sent again, and central answers a resend exactly
   * as before. The guard's next record does not wait behind a second fsync.
   */
  acknowledge(ack: BatchAck, at: Date): void {
    writeWithoutFsync(this.db, () => {
      this.db
        .transaction(() => {
          for (const rejected of ack.rejected) this.deadLetter.run(rejected.seq, rejected.reason, at.getTime());
          markDeliveredThrough(this.db, ack.ackedThroughSeq, at);
        })
        .immediate();
    });
  }

  deadLetterCount(): number {
    return z.number().int().parse(this.db.prepare('SELECT count(*) FROM dead_letters WHERE requeued_as IS NULL').pluck().get());
  }

  backlog(): Backlog {
    const delivered = this.deliveredThrough();
    const row = BacklogRow.parse(this.backlogStatement.get(delivered));
    return { count: Math.max(0, (row.last ?? 0) - delivered), oldestRecordedAtMs: row.oldest };
  }
}
