import BetterSqlite3, { type Database } from 'better-sqlite3';

/** One schema step of central's database; versions count from 1 with no holes. */
export interface CentralMigration {
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}

/** Central's database or its folder cannot be used as it is; an operator must look (exit 78). */
export class CentralConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CentralConfigError';
  }
}

/**
 * Opens central's SQLite file with the settings its promises depend on: WAL so
 * that `export` and `register-key` can run beside a serving central, FULL
 * synchronous so that an acknowledged batch survives a power cut (the appliance
 * forgets what central acknowledged), and a busy timeout for those other processes.
 * Sync may not import the core's opener, hence this small twin.
 */
export function openCentralDatabase(file: string, migrations: readonly CentralMigration[]): Database {
  let db: Database;
  try {
    db = new BetterSqlite3(file);
  } catch (error) {
    throw new CentralConfigError(`cannot open central's database ${file}: ${error instanceof Error ? error.message : 'unknown error'}`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrateCentral(db, migrations);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * Brings the schema to the latest version in one IMMEDIATE transaction, so two
 * processes opening a new file cannot both migrate it and a failure leaves the
 * file as it was. A database newer than this central is refused, not guessed at.
 */
export function migrateCentral(db: Database, migrations: readonly CentralMigration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`central's migration list is broken at position ${String(index + 1)}`);
  });
  const latest = migrations.at(-1)?.version ?? 0;
  db.transaction(() => {
    const current = Number(db.pragma('user_version', { simple: true }));
    if (current > latest) {
      throw new CentralConfigError(`central's database is at schema version ${String(current)}, newer than this central knows (${String(latest)}): run a newer sahman`);
    }
    for (const migration of migrations.filter((candidate) => candidate.version > current)) migration.up(db);
    // PRAGMA takes no bound parameter; the value is an integer from the list above.
    if (current < latest) db.pragma(`user_version = ${String(latest)}`);
  }).immediate();
}
