import type { Database, Statement } from 'better-sqlite3';
import * as z from 'zod';
import { dayDigest } from '../protocol/digests.js';
import type { RejectedItem } from '../protocol/wire.js';
import type { RegisteredKey } from './key-registry.js';

/** One item of a batch, checked and digested before the write transaction starts. */
export interface PreparedItem {
  readonly seq: number;
  /** The item's kind, or what it claimed to be when rejected. */
  readonly kind: string;
  /** The item exactly as received, in canonical JSON. */
  readonly canonical: string;
  readonly digest: string;
  /** When the item happened (ISO 8601 UTC), which decides its reconcile day; null when a rejected item does not say. */
  readonly itemTime: string | null;
  /** Why central would not keep it; null when kept. */
  readonly rejectedReason: string | null;
}

export type IngestOutcome =
  | { readonly outcome: 'stored'; readonly ackedThroughSeq: number; readonly rejected: RejectedItem[]; readonly added: number }
  | { readonly outcome: 'gap'; readonly ackedThroughSeq: number }
  | { readonly outcome: 'digest_mismatch'; readonly ackedThroughSeq: number; readonly seq: number };

/** A held item as exports and tests read it back. */
export interface HeldItem {
  readonly applianceId: string;
  readonly keyId: string;
  readonly seq: number;
  readonly kind: string;
  /** The item's canonical JSON text. */
  readonly item: string;
  readonly rejectedReason: string | null;
}

const MaxSeqRow = z.object({ last: z.number().int().nonnegative() });
const DigestRow = z.object({ seq: z.number().int().positive(), digest: z.string().regex(/^[0-9a-f]{64}$/) });
const RejectedRow = z.object({ seq: z.number().int().positive(), rejected_reason: z.string().min(1).max(300) });
const HeldRow = z.object({
  appliance_id: z.string(),
  key_id: z.string(),
  seq: z.number().int().positive(),
  kind: z.string(),
  item: z.string(),
  rejected_reason: z.string().nullable(),
});
const Digests = z.array(z.string().regex(/^[0-9a-f]{64}$/));

/**
 * What central holds of each appliance's stream: every seq from 1 up to the
 * last one, kept or rejected, never twice and never with a hole.
 */
export class ItemStore {
  private readonly lastSeq: Statement;
  private readonly digestsBetween: Statement;
  private readonly rejectedBetween: Statement;
  private readonly insert: Statement;
  private readonly dayDigests: Statement;

  constructor(private readonly db: Database) {
    this.lastSeq = db.prepare('SELECT coalesce(max(seq), 0) AS last FROM items WHERE key_ref = ?');
    this.digestsBetween = db.prepare('SELECT seq, digest FROM items WHERE key_ref = ? AND seq BETWEEN ? AND ? ORDER BY seq');
    this.rejectedBetween = db.prepare('SELECT seq, rejected_reason FROM items WHERE key_ref = ? AND seq BETWEEN ? AND ? AND rejected_reason IS NOT NULL ORDER BY seq');
    this.insert = db.prepare(
      'INSERT INTO items (key_ref, seq, kind, item, digest, item_time, day, received_at, rejected_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.dayDigests = db.prepare('SELECT digest FROM items WHERE key_ref = ? AND day = ? ORDER BY seq').pluck();
  }

  /**
   * Applies one batch in one transaction. `items` must be every seq from
   * fromSeq to toSeq in order (the envelope check guarantees it), so those at or
   * below the last held seq are a prefix: they are all compared before anything
   * is written, and a mismatch leaves the batch entirely unstored. They are
   * taken one at a time, so that each can be prepared just before it is stored.
   */
  ingest(key: RegisteredKey, fromSeq: number, toSeq: number, items: Iterable<PreparedItem>, receivedAt: Date): IngestOutcome {
    const received = receivedAt.toISOString();
    return this.db
      .transaction((): IngestOutcome => {
        const last = MaxSeqRow.parse(this.lastSeq.get(key.ref)).last;
        if (fromSeq > last + 1) return { outcome: 'gap', ackedThroughSeq: last };
        const held = new Map(z.array(DigestRow).parse(this.digestsBetween.all(key.ref, fromSeq, Math.min(toSeq, last))).map((row) => [row.seq, row.digest]));
        let added = 0;
        for (const item of items) {
          if (item.seq <= last) {
            // Held seqs are contiguous from 1, so a held seq always has a digest here.
            if (held.get(item.seq) !== item.digest) return { outcome: 'digest_mismatch', ackedThroughSeq: last, seq: item.seq };
            continue;
          }
          this.insert.run(key.ref, item.seq, item.kind, item.canonical, item.digest, item.itemTime, item.itemTime?.slice(0, 10) ?? null, received, item.rejectedReason);
          added++;
        }
        const rejected = z
          .array(RejectedRow)
          .parse(this.rejectedBetween.all(key.ref, fromSeq, toSeq))
          .map((row) => ({ seq: row.seq, reason: row.rejected_reason }));
        return { outcome: 'stored', ackedThroughSeq: Math.max(last, toSeq), rejected, added };
      })
      .immediate();
  }

  /** Count and digest of the items (kept and rejected) whose item time falls on one UTC day. */
  day(key: RegisteredKey, day: string): { count: number; digest: string } {
    const digests = Digests.parse(this.dayDigests.all(key.ref, day));
    return { count: digests.length, digest: dayDigest(digests) };
  }

  last(key: RegisteredKey): number {
    return MaxSeqRow.parse(this.lastSeq.get(key.ref)).last;
  }

  /** Held items by appliance, key registration and seq; kept ones, or with `rejected` only the rejected ones. */
  *held(options: { readonly applianceId?: string | undefined; readonly rejected?: boolean } = {}): Generator<HeldItem> {
    const filters = [options.rejected === true ? 'i.rejected_reason IS NOT NULL' : 'i.rejected_reason IS NULL'];
    if (options.applianceId !== undefined) filters.push('k.appliance_id = @applianceId');
    const statement = this.db.prepare(
      `SELECT k.appliance_id, k.key_id, i.seq, i.kind, i.item, i.rejected_reason
         FROM items i JOIN appliance_keys k ON k.id = i.key_ref
        WHERE ${filters.join(' AND ')}
        ORDER BY k.appliance_id, k.id, i.seq`,
    );
    const rows: Iterable<unknown> = options.applianceId === undefined ? statement.iterate() : statement.iterate({ applianceId: options.applianceId });
    for (const row of rows) {
      const parsed = HeldRow.parse(row);
      yield { applianceId: parsed.appliance_id, keyId: parsed.key_id, seq: parsed.seq, kind: parsed.kind, item: parsed.item, rejectedReason: parsed.rejected_reason };
    }
  }
}
