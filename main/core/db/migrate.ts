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
