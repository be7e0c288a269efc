import type { Database, Statement } from 'better-sqlite3';
import { PersonListEntry, type MrzTraveller, type PersonHit } from '../../common/contract/alert-lists.js';
import { PersonMatcher, type PersonMatcherOptions } from './persons/person-matcher.js';

/** A stored person row that no longer reads as an entry: it is left out of matching and counted, never passed on. */
export interface PersonListLoad {
  readonly loaded: number;
  readonly damaged: number;
}

/**
 * The listed persons: their durable copy in SQLite, and the matcher over
 * them in memory, built once at start. A delta writes the rows inside the
 * caller's transaction (change) and reaches the matcher only once that
 * transaction has committed (apply), so a refused delta leaves both as they were.
 */
export class PersonList {
  private readonly matcher: PersonMatcher;
  private readonly upsert: Statement<[string, string]>;
  private readonly remove: Statement<[string]>;
  private readonly listVersion: Statement<[]>;
  readonly load: PersonListLoad;

  constructor(
    private readonly db: Database,
    options: PersonMatcherOptions = {},
  ) {
    this.matcher = new PersonMatcher([], options);
    this.upsert = db.prepare('INSERT OR REPLACE INTO alert_persons (id, entry) VALUES (?, ?)');
    this.remove = db.prepare('DELETE FROM alert_persons WHERE id = ?');
    this.listVersion = db.prepare("SELECT version FROM reference_versions WHERE kind = 'person-list'").pluck();
    let loaded = 0;
    let damaged = 0;
    for (const raw of db.prepare('SELECT entry FROM alert_persons').pluck().iterate()) {
      const entry = typeof raw === 'string' ? safeEntry(raw) : undefined;
      if (entry === undefined) damaged += 1;
      else {
        this.matcher.add(entry);
        loaded += 1;
      }
    }
    this.load = { loaded, damaged };
  }

  /** Writes a delta's rows; call inside the transaction that moves the list's version, then apply() after it commits. */
  change(upserts: readonly PersonListEntry[], removals: readonly string[]): void {
    for (const id of removals) this.remove.run(id);
    for (const entry of upserts) this.upsert.run(entry.id, JSON.stringify(entry));
  }

  /** The committed delta, in the matcher. */
  apply(upserts: readonly PersonListEntry[], removals: readonly string[]): void {
    for (const id of removals) this.matcher.remove(id);
    for (const entry of upserts) this.matcher.add(entry);
  }

  /** Adds or replaces entries and removes others, in one transaction of its own. */
  replace(upserts: readonly PersonListEntry[], removals: readonly string[] = []): void {
    this.db.transaction(() => this.change(upserts, removals))();
    this.apply(upserts, removals);
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
