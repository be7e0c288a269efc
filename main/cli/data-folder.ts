import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ApplianceConfig } from '../common/contract/config.js';
import { CoreStartError } from '../core/app/core-start-error.js';
import { AuditTrail } from '../core/audit/audit-trail.js';
import { CONFIG_FILE_NAME, loadConfigFile } from '../core/config/config-file.js';
import { migrate } from '../core/db/migrate.js';
import { migrations } from '../core/db/migrations/index.js';
import { openDatabase } from '../core/db/open-database.js';
import { DATABASE_FILE_NAME } from '../core/store/open-store.js';
import { ExitCode } from './command.js';

/** The data folder cannot be used; the message is one line for stderr, the exit code says why. */
export class DataFolderError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'DataFolderError';
  }
}

export interface DataFolderStore {
  readonly config: ApplianceConfig;
  readonly db: ReturnType<typeof openDatabase>;
  readonly audit: AuditTrail;
}

/**
 * Opens an existing appliance's database for a command that writes and audits, whether the
 * appliance runs or not: SQLite's WAL lets both write, each in its own BEGIN IMMEDIATE
 * transaction. Never creates a database, so a mistyped --data is said, not papered over.
 * The caller closes `db`.
 */
export function openDataFolderStore(dataDir: string): DataFolderStore {
  const dbFile = path.join(dataDir, DATABASE_FILE_NAME);
  if (!existsSync(dataDir)) throw new DataFolderError(`no data folder at ${dataDir}`, ExitCode.usage);
  if (!existsSync(dbFile)) throw new DataFolderError(`no database at ${dbFile}`, ExitCode.usage);
  let config;
  try {
    config = loadConfigFile(path.join(dataDir, CONFIG_FILE_NAME)).config;
  } catch (error) {
    if (!(error instanceof CoreStartError)) throw error;
    throw new DataFolderError(error.message, ExitCode.config);
  }
  const db = openDatabase(dbFile);
  try {
    migrate(db, migrations);
  } catch (error) {
    db.close();
    throw error;
  }
  return { config, db, audit: new AuditTrail(db, config.applianceId) };
}
