import type { Database, Statement } from 'better-sqlite3';
import { stagingTurns, PERSONS_PACE as PACE } from './staging-pace.js';
import { stagingPass, VersionedRows } from './versioned-rows.js';
import { PersonListEntry, type MrzTraveller, type PersonHit } from '../../common/contract/alert-lists.js';
import { PersonMatcher, preparePerson, type PersonMatcherOptions } from './persons/person-matcher.js';

/** A stored person row that no longer reads as an entry: it is left out of matching and counted, never passed on. */
export interface PersonListLoad {
  readonly loaded: number;
  readonly damaged: number;
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
  private readonly listVersion: Statement<[]>;
  private readonly rows: VersionedRows;
  /** The work a committed delta leaves (the matcher's bookkeeping, sweeping): the next delta waits for it. */
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
    this.listVersion = db.prepare("SELECT version FROM reference_versions WHERE kind = 'person-list'").pluck();
    this.rows = new VersionedRows(db, { kind: 'person-list', table: 'alert_persons', key: 'id' }, PACE, () => this.version());
    let loaded = 0;
    let damaged = 0;
    for (const raw of db.prepare('SELECT entry FROM alert_persons WHERE until IS NULL AND since <= ?').pluck().iterate(this.version())) {
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
   * Writes a delta as rows of `toVersion`, a few per turn of the event loop,
   * and files its persons in the matcher, passed by until commit(). Nothing
   * changes for checks until the caller moves the list's version to
   * `toVersion` and calls commit(); if it does not, it calls unstage().
   */
  async stage(toVersion: number, upserts: readonly PersonListEntry[], removals: readonly string[]): Promise<void> {
    // The last delta's compaction must finish first: it swaps the matcher's index.
    await this.settling.catch(() => undefined);
    try {
      await this.rows.stage(toVersion, [
        stagingPass(removals, PACE.rowsPerTurn * 4, (ids) => {
          for (const id of ids) this.supersede.run(toVersion, id, toVersion);
          this.matcher.stage([], ids);
        }),
        stagingPass(upserts, PACE.rowsPerTurn, (entries) => {
          for (const entry of entries) {
            this.supersede.run(toVersion, entry.id, toVersion);
            this.insertRow.run(entry.id, toVersion, JSON.stringify(entry));
          }
          this.matcher.stage(entries.map(preparePerson));
        }),
      ]);
    } catch (error) {
      this.matcher.discardStaged();
      throw error;
    }
  }

  /** Puts a staged delta whose version is now the list's in force in the matcher at once; its bookkeeping and sweeping follow in small turns. */
  commit(toVersion: number): void {
    this.matcher.commitStaged();
    this.settling = this.afterCommit(toVersion);
  }

  /** The matcher's bookkeeping for the delta, then the sweep of the rows it superseded; the next delta starts once both are done. */
  private async afterCommit(toVersion: number): Promise<void> {
    await this.matcher.settle(stagingTurns(PACE));
    await this.rows.finish(toVersion);
  }

  /** Takes back a staged delta that did not come into force. */
  unstage(toVersion: number): void {
    this.matcher.discardStaged();
    this.rows.takeBack(toVersion);
  }

  /** Adds or replaces entries and removes others at the list's current version, in one transaction of its own. */
  replace(upserts: readonly PersonListEntry[], removals: readonly string[] = []): void {
    if (this.rows.busy || this.matcher.settling) throw new Error('a person-list delta is being applied');
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
