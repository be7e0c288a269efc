import BetterSqlite3, { type Database } from 'better-sqlite3';

export interface OpenDatabaseOptions {
  /** How long a statement waits for another connection's lock before failing. */
  readonly busyTimeoutMs?: number;
  readonly readonly?: boolean;
}

/**
 * Opens the appliance's SQLite file with the settings durability depends on:
 * WAL (readers never block the writer), synchronous=FULL (a commit is on the
 * disk before it returns, so "recorded" survives a power cut), foreign keys on.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database {
  const db = new BetterSqlite3(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  try {
    db.pragma(`busy_timeout = ${String(Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    if (!(options.readonly ?? false)) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
