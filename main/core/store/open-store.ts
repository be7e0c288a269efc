import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { Logger } from 'pino';
import { CoreStartError } from '../app/core-start-error.js';
import { checkIntegrity } from '../db/integrity-check.js';
import { migrate } from '../db/migrate.js';
import { migrations } from '../db/migrations/index.js';
import { openDatabase } from '../db/open-database.js';
import { startWalCheckpointer } from '../db/wal-checkpointer.js';

export const DATABASE_FILE_NAME = 'sahman.db';

export interface Store {
  readonly db: Database;
  readonly file: string;
  /** True when the start-up integrity check ran out of time: nothing is known, and the screens must say so. */
  readonly integrityUnchecked: boolean;
  close(): Promise<void>;
}

export interface StoreOptions {
  readonly dataDir: string;
  readonly log: Logger;
  /** Start-up waits at most this long for PRAGMA integrity_check. */
  readonly integrityBudgetMs: number;
  /**
   * 'background' (the default): a worker thread checkpoints the WAL, so that no
   * guard's commit waits on it. 'inline' is SQLite's own behaviour, kept for the
   * benchmark that compares the two.
   */
  readonly walCheckpoints?: 'background' | 'inline';
}

/**
 * Opens the appliance database: checks an existing file's integrity (bounded in
 * time), then brings its schema up to date. A damaged or too-new database stops
 * start-up with a message naming the problem; it is never used silently.
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  const file = path.join(options.dataDir, DATABASE_FILE_NAME);
  let integrityUnchecked = false;
  if (existsSync(file)) {
    const verdict = await checkIntegrity(file, options.integrityBudgetMs);
    switch (verdict.status) {
      case 'ok':
        options.log.info({ ms: verdict.ms }, 'database integrity check passed');
        break;
      case 'timed-out':
        integrityUnchecked = true;
        options.log.warn({ ms: verdict.ms }, 'database integrity check did not finish in time; carrying on unchecked');
        break;
      case 'corrupt':
        throw new CoreStartError(
          `the database ${file} failed its integrity check (${verdict.problems.slice(0, 3).join('; ')}): ` +
            'stop, keep the file for investigation, and restore from backup or call a technician',
        );
      case 'unreadable':
        throw new CoreStartError(`the database ${file} cannot be read (${verdict.message}): keep the file and call a technician`);
    }
  }
  let db: Database;
  try {
    db = openDatabase(file);
  } catch (error) {
    throw new CoreStartError(`cannot open the database ${file}: ${error instanceof Error ? error.message : 'unknown error'}`);
  }
  try {
    const outcome = migrate(db, migrations);
    if (outcome.applied.length > 0) options.log.info({ from: outcome.from, to: outcome.to, applied: outcome.applied }, 'database schema migrated');
  } catch (error) {
    db.close();
    throw new CoreStartError(error instanceof Error ? error.message : 'the database schema could not be brought up to date');
  }
  const checkpointer = (options.walCheckpoints ?? 'background') === 'background' ? startWalCheckpointer(db, file, options.log) : undefined;
  return {
    db,
    file,
    integrityUnchecked,
    close: async () => {
      await checkpointer?.stop();
      db.close();
    },
  };
}
