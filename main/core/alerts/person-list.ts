import type { Database, Statement } from 'better-sqlite3';
import { withCheckpointsLeftToTheWorker } from '../db/wal-checkpointer.js';
import { writeWithoutFsync } from '../db/write-without-fsync.js';
import { nextStagingTurn, PERSONS_PACE as PACE } from './staging-pace.js';
import { PersonListEntry, type MrzTraveller, type PersonHit } from '../../common/contract/alert-lists.js';
import { PersonMatcher, preparePerson, type PersonMatcherOptions } from './persons/person-matcher.js';

/** A stored person row that no longer reads as an entry: it is left out of matching and counted, never passed on. */
export interface PersonListLoad {
  readonly loaded: number;
  readonly damaged: number;
}

/** A delta written as rows of its version and filed in the matcher, not yet in force: commit() puts it in force. */
export interface StagedPersons {
  readonly toVersion: number;
}

/**
 * The listed persons: their durable copy in SQLite, and the matcher over them
 * in memory, built once at start. Rows carry the versions they are valid for
 * (migration 009): a delta is staged as rows of its new version in small
 * transactions, comes into force when the caller's one short transaction
 * moves the list's version, and reaches the matcher only then; rows it
 * superseded are swept afterwards. A delta that fails, or a process that dies
 * while staging, leaves the list exactly as it was.
 */
export class PersonList {
  private readonly matcher: PersonMatcher;
  private readonly supersede: Statement<[number, string, number]>;
  private readonly insertRow: Statement<[string, number, string]>;
  private readonly deleteId: Statement<[string]>;
  private readonly sweepChunk: Statement<[number, number]>;
  private readonly listVersion: Statement<[]>;
  private staging = false;
  private compacting = false;
  /** The work a committed delta leaves (compaction, sweeping): the next delta waits for it. */
  private settling: Promise<void> = Promise.resolve();
  readonly load: PersonListLoad;

  constructor(
    private readonly db: Database,
    options: PersonMatcherOptions = {},
  ) {
    this.matcher = new PersonMatcher([], options);
    this.supersede = db.prepare('UPDATE alert_persons SET until = ? WHERE id = ? AND until IS NULL AND since < ?');
    this.insertRow = db.prepare('INSERT OR REPLACE INTO alert_persons (id, since, until, entry) VALUES (?, ?, NULL, ?)');
    this.deleteId = db.prepare('DELETE FROM alert_persons WHERE id = ?');
    this.sweepChunk = db.prepare('DELETE FROM alert_persons WHERE (id, since) IN (SELECT id, since FROM alert_persons WHERE until IS NOT NULL AND until <= ? LIMIT ?)');
    this.listVersion = db.prepare("SELECT version FROM reference_versions WHERE kind = 'person-list'").pluck();
    const version = this.version();
    // A delta staged when the process stopped never came into force: its rows go, the rows it superseded stand again.
    db.transaction(() => {
      db.prepare('DELETE FROM alert_persons WHERE since > ?').run(version);
      db.prepare('UPDATE alert_persons SET until = NULL WHERE until > ?').run(version);
      db.prepare('DELETE FROM alert_persons WHERE until IS NOT NULL').run();
    })();
    let loaded = 0;
    let damaged = 0;
    for (const raw of db.prepare('SELECT entry FROM alert_persons WHERE until IS NULL').pluck().iterate()) {
      const entry = typeof raw === 'string' ? safeEntry(raw) : undefined;
      if (entry === undefined) damaged += 1;
      else {
        this.matcher.add(entry);
        loaded += 1;
      }
    }
    this.load = { loaded, damaged };
  }

  /**
   * Writes a delta as rows of `toVersion`, a few hundred per turn of the event
   * loop, and prepares its persons for the matcher. Nothing changes for checks
   * until the caller moves the list's version to `toVersion` and calls commit();
   * if it does not, it calls unstage().
   */
  async stage(toVersion: number, upserts: readonly PersonListEntry[], removals: readonly string[]): Promise<StagedPersons> {
    if (this.staging) throw new Error('another person-list delta is being applied');
    await this.settling.catch(() => undefined);
    return withCheckpointsLeftToTheWorker(this.db, () => this.writeStaged(toVersion, upserts, removals));
  }

  private async writeStaged(toVersion: number, upserts: readonly PersonListEntry[], removals: readonly string[]): Promise<StagedPersons> {
    if (this.staging) throw new Error('another person-list delta is being applied');
    this.staging = true;
    try {
      const writeRemovals = this.db.transaction((ids: readonly string[]) => {
        for (const id of ids) this.supersede.run(toVersion, id, toVersion);
      });
      const writeUpserts = this.db.transaction((entries: readonly PersonListEntry[]) => {
        for (const entry of entries) {
          this.supersede.run(toVersion, entry.id, toVersion);
          this.insertRow.run(entry.id, toVersion, JSON.stringify(entry));
        }
      });
      for (let at = 0; at < removals.length; at += PACE.rowsPerTurn * 4) {
        const chunk = removals.slice(at, at + PACE.rowsPerTurn * 4);
        writeWithoutFsync(this.db, () => writeRemovals(chunk));
        this.matcher.stage([], chunk);
        await nextStagingTurn(PACE);
      }
      for (let at = 0; at < upserts.length; at += PACE.rowsPerTurn) {
        const chunk = upserts.slice(at, at + PACE.rowsPerTurn);
        writeWithoutFsync(this.db, () => writeUpserts(chunk));
        this.matcher.stage(chunk.map(preparePerson));
        await nextStagingTurn(PACE);
      }
      return { toVersion };
    } catch (error) {
      this.unstage(toVersion);
      throw error;
    }
  }

  /** Puts a staged delta whose version is now the list's in force in the matcher, and sweeps the rows it superseded. */
  commit(staged: StagedPersons): void {
    this.matcher.commitStaged();
    this.staging = false;
    this.settling = this.afterCommit(staged.toVersion);
  }

  /** Compacts the matcher if the delta left it holey, then sweeps; the next delta starts once both are done. */
  private async afterCommit(toVersion: number): Promise<void> {
    this.compacting = true;
    try {
      if (this.matcher.holey) await this.matcher.compact(() => nextStagingTurn(PACE));
    } finally {
      this.compacting = false;
    }
    await this.sweep(toVersion);
  }

  /** Takes back a staged delta that did not come into force. */
  unstage(toVersion: number): void {
    this.staging = false;
    this.matcher.discardStaged();
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM alert_persons WHERE since = ?').run(toVersion);
      this.db.prepare('UPDATE alert_persons SET until = NULL WHERE until = ?').run(toVersion);
    })();
  }

  /** Superseded rows, a few thousand per turn; what a stop leaves is swept at the next start. */
  private async sweep(version: number): Promise<void> {
    for (;;) {
      await nextStagingTurn(PACE);
      if (!this.db.open || this.staging) return;
      if (writeWithoutFsync(this.db, () => this.sweepChunk.run(version, PACE.rowsPerTurn * 4)).changes === 0) return;
    }
  }

  /** Adds or replaces entries and removes others at the list's current version, in one transaction of its own. */
  replace(upserts: readonly PersonListEntry[], removals: readonly string[] = []): void {
    if (this.staging || this.compacting) throw new Error('a person-list delta is being applied');
    const version = this.version();
    this.db.transaction(() => {
      for (const id of removals) this.deleteId.run(id);
      for (const entry of upserts) {
        this.deleteId.run(entry.id);
        this.insertRow.run(entry.id, version, JSON.stringify(entry));
      }
    })();
    for (const id of removals) this.matcher.remove(id);
    for (const entry of upserts) this.matcher.add(entry);
  }

  check(traveller: MrzTraveller): PersonHit[] {
    return this.matcher.match(traveller);
  }

  /** The list's version from central; 0 while none has been applied. */
  version(): number {
    const version: unknown = this.listVersion.get();
    return typeof version === 'number' ? version : 0;
  }

  count(): number {
    return this.matcher.size;
  }
}

function safeEntry(text: string): PersonListEntry | undefined {
  try {
    const parsed = PersonListEntry.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
