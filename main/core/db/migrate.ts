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
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) throw new DatabaseTooNewError(current, latest);
  const pending = migrations.filter((migration) => migration.version > current);
  if (pending.length === 0) return { from: current, to: current, applied: [] };

  // IMMEDIATE: take the write lock before reading anything, so two processes
  // opening the same new file cannot both decide to migrate it.
  db.transaction(() => {
    for (const migration of pending) {
      try {
        migration.up(db);
      } catch (error) {
        throw new MigrationError(migration.version, migration.name, error);
      }
    }
    // PRAGMA cannot take a bound parameter; the value is an integer we computed.
    db.pragma(`user_version = ${String(latest)}`);
  }).immediate();
  return { from: current, to: latest, applied: pending.map((migration) => `${String(migration.version)}-${migration.name}`) };
}

function assertConsecutive(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration list is broken: position ${String(index + 1)} holds version ${String(migration.version)}`);
    }
  });
}
