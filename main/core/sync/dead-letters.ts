import type { Database } from 'better-sqlite3';
import * as z from 'zod';
import type { DeadLetter } from '../../common/contract/dead-letter.js';
import { SyncedItemKind } from '../../common/contract/synced-item-kind.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import { enqueue, type OutboxKind } from '../outbox/outbox.js';
import { DomainError, InvalidRequestError } from '../errors/domain-errors.js';
import { recordNotKept } from '../capture/store-errors.js';

const DeadLetterRow = z.object({
  seq: z.number().int().positive(),
  kind: SyncedItemKind,
  reason: z.string(),
  rejected_at: z.number().int(),
  requeued_as: z.number().int().positive().nullable(),
  item_seq: z.number().int().positive(),
});

/** A dead letter with its kind, and where its item is stored (its own seq, or the first one it was sent under). */
const DEAD_LETTERS = `
  SELECT d.seq, o.kind, d.reason, d.rejected_at, d.requeued_as, coalesce(r.item_seq, d.seq) AS item_seq
  FROM dead_letters d JOIN outbox o ON o.seq = d.seq LEFT JOIN requeued r ON r.seq = d.seq`;

/** Items central rejected: listed for supervisors and technicians, and sent again once the cause is fixed. */
export class DeadLetters {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditTrail,
  ) {}

  list(limit: number): DeadLetter[] {
    return this.db
      .prepare(`${DEAD_LETTERS} ORDER BY d.seq DESC LIMIT ?`)
      .all(limit)
      .map((raw) => {
        const row = DeadLetterRow.parse(raw);
        return { seq: row.seq, kind: row.kind, reason: row.reason, rejectedAt: new Date(row.rejected_at).toISOString(), requeuedAs: row.requeued_as };
      });
  }

  /**
   * The item is not copied: a new outbox row carries it again under a new seq,
   * naming the seq it supersedes, and the requeue itself is audited.
   */
  requeue(seq: number, officerId: string, at: Date): { seq: number; supersedes: number } {
    try {
      return this.db
        .transaction(() => {
          const raw = this.db.prepare(`${DEAD_LETTERS} WHERE d.seq = ?`).get(seq);
          if (raw === undefined) throw new InvalidRequestError(`seq ${String(seq)} is not a rejected item`);
          const row = DeadLetterRow.parse(raw);
          if (row.requeued_as !== null) throw new InvalidRequestError(`seq ${String(seq)} was already sent again as seq ${String(row.requeued_as)}`);
          const kind: OutboxKind = row.kind;
          const next = enqueue(this.db, kind, at);
          this.db.prepare('INSERT INTO requeued (seq, supersedes, item_seq) VALUES (?, ?, ?)').run(next, seq, row.item_seq);
          this.db.prepare('UPDATE dead_letters SET requeued_as = ? WHERE seq = ?').run(next, seq);
          this.audit.append({ action: 'requeue', officerId, at, details: { seq: next, supersedes: seq, kind } });
          return { seq: next, supersedes: seq };
        })
        .immediate();
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw recordNotKept(error);
    }
  }
}
