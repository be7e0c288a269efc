import type { Database, Statement } from 'better-sqlite3';
import { writeWithoutFsync } from '../db/write-without-fsync.js';
import { stagingTurns, type StagingPace } from './staging-pace.js';

/** The alert-list tables whose rows carry the versions they are valid for (migrations 009, 010). */
type ListTable = { readonly kind: 'person-list'; readonly table: 'alert_persons'; readonly key: 'id' } | { readonly kind: 'document-list'; readonly table: 'alert_documents'; readonly key: 'key, number, document_type' };

/** Part of a delta, written a chunk of rows at a time. */
export interface StagingPass {
  readonly count: number;
  readonly rowsPerTurn: number;
  /** Writes items [from, to): runs inside a transaction. */
  write(from: number, to: number): void;
}

export function stagingPass<T>(items: readonly T[], rowsPerTurn: number, write: (chunk: readonly T[]) => void): StagingPass {
  return { count: items.length, rowsPerTurn, write: (from, to) => write(items.slice(from, to)) };
}

/**
 * The life of a list delta over rows valid from `since` until `until`: it is
 * named in reference_staging while its rows are written in paced turns
 * (each without its own fsync; the background worker checkpoints),
 * comes into force when the caller moves the list's version, and the rows it
 * superseded are swept afterwards. A delta that fails is taken back; one a
 * stop interrupted is taken back at the next start.
 */
export class VersionedRows {
  private readonly markStaging: Statement<[number]>;
  private readonly clearStaging: Statement<[]>;
  private readonly sweepChunk: Statement<[number, number]>;
  private staging = false;

  constructor(
    private readonly db: Database,
    private readonly list: ListTable,
    private readonly pace: StagingPace,
    /** The list's version now: rows staged beyond it are not in force. */
    version: () => number,
  ) {
    const { kind, table, key } = list;
    this.markStaging = db.prepare(`INSERT OR REPLACE INTO reference_staging (kind, to_version) VALUES ('${kind}', ?)`);
    this.clearStaging = db.prepare(`DELETE FROM reference_staging WHERE kind = '${kind}'`);
    this.sweepChunk = db.prepare(`DELETE FROM ${table} WHERE (${key}, since) IN (SELECT ${key}, since FROM ${table} WHERE until IS NOT NULL AND until <= ? LIMIT ?)`);
    const staged: unknown = db.prepare(`SELECT to_version FROM reference_staging WHERE kind = '${kind}'`).pluck().get();
    if (typeof staged === 'number' && staged > version()) this.takeBack(staged);
    else this.clearStaging.run();
  }

  /** A delta is being written: local changes must wait. */
  get busy(): boolean {
    return this.staging;
  }

  /** Writes each pass in paced turns, each chunk in a transaction of its own; takes the whole delta back if one fails. */
  async stage(toVersion: number, passes: readonly StagingPass[]): Promise<void> {
    if (this.staging) throw new Error(`another ${this.list.kind} delta is being applied`);
    this.staging = true;
    try {
      writeWithoutFsync(this.db, () => this.markStaging.run(toVersion));
      const nextTurn = stagingTurns(this.pace);
      for (const pass of passes) {
        for (let at = 0; at < pass.count; at += pass.rowsPerTurn) {
          writeWithoutFsync(this.db, () => this.db.transaction(() => pass.write(at, at + pass.rowsPerTurn))());
          await nextTurn();
        }
      }
    } catch (error) {
      this.takeBack(toVersion);
      throw error;
    }
  }

  /** The delta's version is in force: its marker goes, and the rows it superseded are swept in the turns that follow. */
  finish(toVersion: number): Promise<void> {
    this.staging = false;
    // Closed meanwhile: the marker left names the version in force, which the next start clears.
    if (!this.db.open) return Promise.resolve();
    writeWithoutFsync(this.db, () => this.clearStaging.run());
    return this.sweep(toVersion);
  }

  /** Takes back a staged delta that did not come into force. */
  takeBack(toVersion: number): void {
    this.staging = false;
    const { table } = this.list;
    this.db.transaction(() => {
      this.db.prepare(`DELETE FROM ${table} WHERE since >= ?`).run(toVersion);
      this.db.prepare(`UPDATE ${table} SET until = NULL WHERE until >= ?`).run(toVersion);
      this.clearStaging.run();
    })();
  }

  /** Rows superseded by `version`: what a stop leaves is swept after the next delta. */
  private async sweep(version: number): Promise<void> {
    const nextTurn = stagingTurns(this.pace);
    for (;;) {
      await nextTurn();
      if (!this.db.open || this.staging) return;
      if (writeWithoutFsync(this.db, () => this.sweepChunk.run(version, this.pace.rowsPerTurn * 4)).changes === 0) return;
    }
  }
}
