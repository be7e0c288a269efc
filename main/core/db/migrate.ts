import type { Database } from 'better-sqlite3';
import { DatabaseTooNewError, MigrationError } from './database-errors.js';
import type { Migration } from './migration.js';

export interface MigrationOutcome {
  readonly from: number;
  readonly to: number;
  readonly applied: readonly string[];
}

/**
 * Brings the schema to the latest version, Signal Desktop's way: the version is
 * SQLite's user_version; every pending migration runs in ONE transaction, so a
 * failure (or a power cut) leaves the database exactly as it was; a database
 * newer than this app is refused rather than opened.
 */
export function migrate(db: Database, migrations: readonly Migration[]): MigrationOutcome {
  assertConsecutive(migrations);
  const latest = migrations.at(-1)?.version ?? 0;
  const readVersion = (): number => db.pragma('user_version', { simple: true }) as number;
  // The common case, an up-to-date file, answers without taking the write lock.
  const seen = readVersion();
  if (seen > latest) throw new DatabaseTooNewError(seen, latest);
  if (seen === latest) return { from: seen, to: seen, applied: [] };

  // A migration may rebuild a table that others reference (SQLite's way to change a constraint), which
  // foreign keys would refuse midway; so they are off while migrating and checked, all of them, before
  // the commit. The pragma is a no-op inside a transaction, hence here.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    return migratePending(db, migrations, latest, readVersion);
  } finally {
    if (foreignKeys) db.pragma('foreign_keys = ON');
  }
}

function migratePending(db: Database, migrations: readonly Migration[], latest: number, readVersion: () => number): MigrationOutcome {
  // IMMEDIATE takes the write lock first; the version is read again under it, so when two
  // processes open the same new file at once, the second finds the first one's work done.
  return db.transaction((): MigrationOutcome => {
    const current = readVersion();
    if (current > latest) throw new DatabaseTooNewError(current, latest);
    const pending = migrations.filter((migration) => migration.version > current);
    for (const migration of pending) {
      try {
        migration.up(db);
      } catch (error) {
        throw new MigrationError(migration.version, migration.name, error);
      }
    }
    const broken = db.pragma('foreign_key_check') as readonly { table: string; parent: string }[];
    const first = broken[0];
    if (first !== undefined) {
      const last = pending.at(-1);
      throw new MigrationError(last?.version ?? latest, last?.name ?? 'unknown', new Error(`${String(broken.length)} rows of ${first.table} name a missing ${first.parent} row`));
    }
    // PRAGMA cannot take a bound parameter; the value is an integer we computed.
    if (pending.length > 0) db.pragma(`user_version = ${String(latest)}`);
    return { from: current, to: latest, applied: pending.map((migration) => `${String(migration.version)}-${migration.name}`) };
  }).immediate();
}

function assertConsecutive(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration list is broken: position ${String(index + 1)} holds version ${String(migration.version)}`);
    }
  });
}
