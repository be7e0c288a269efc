import type { Database, Statement } from 'better-sqlite3';
import * as z from 'zod';
import { DeltaChange, type DeltaKind } from '../protocol/wire.js';

/** What `sahman central publish` reads: the changes of one new version. A value of null removes the key. */
export const PublishedChanges = z
  .array(
    DeltaChange.refine((change) => change.value !== undefined, { error: 'value is required (null removes the entry)', path: ['value'] }),
  )
  .min(1)
  .max(100_000);

const LatestRow = z.object({ latest: z.number().int().nonnegative() });
const ChangeRow = z.object({ key: z.string().min(1).max(200), value: z.string().nullable() });

/**
 * Versioned reference data central hands down (alert lists, visa rules,
 * config): each publish is the next version of its kind, and an appliance asks
 * for everything after the version it holds.
 */
export class DeltaStore {
  private readonly latestOf: Statement;
  private readonly changesAfter: Statement;
  private readonly insertVersion: Statement;
  private readonly insertChange: Statement;

  constructor(private readonly db: Database) {
    this.latestOf = db.prepare('SELECT coalesce(max(version), 0) AS latest FROM delta_versions WHERE kind = ?');
    this.changesAfter = db.prepare('SELECT key, value FROM delta_changes WHERE kind = ? AND version > ? ORDER BY version');
    this.insertVersion = db.prepare('INSERT INTO delta_versions (kind, version, published_at) VALUES (?, ?, ?)');
    // A key named twice in one publish: the later change wins, as it would across versions.
    this.insertChange = db.prepare('INSERT OR REPLACE INTO delta_changes (kind, version, key, value) VALUES (?, ?, ?, ?)');
  }

  latest(kind: DeltaKind): number {
    return LatestRow.parse(this.latestOf.get(kind)).latest;
  }

  /** Stores the changes as the next version of their kind; returns that version. */
  publish(kind: DeltaKind, changes: readonly DeltaChange[], at: Date): number {
    return this.db
      .transaction(() => {
        const version = this.latest(kind) + 1;
        this.insertVersion.run(kind, version, at.toISOString());
        for (const change of changes) this.insertChange.run(kind, version, change.key, change.value === null ? null : JSON.stringify(change.value));
        return version;
      })
      .immediate();
  }

  /**
   * Versions since+1..latest folded into one change per key, the latest
   * winning, sorted by key (code units, so that both sides sort alike).
   */
  since(kind: DeltaKind, since: number): { toVersion: number; changes: DeltaChange[] } {
    return this.db.transaction(() => {
      const toVersion = this.latest(kind);
      const merged = new Map<string, unknown>();
      for (const row of z.array(ChangeRow).parse(this.changesAfter.all(kind, since))) {
        merged.set(row.key, row.value === null ? null : (JSON.parse(row.value) as unknown));
      }
      const changes = [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, value]) => ({ key, value }));
      return { toVersion, changes };
    })();
  }
}
