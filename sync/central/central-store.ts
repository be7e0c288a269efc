import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { AlarmStore } from './alarm-store.js';
import { CentralConfigError, openCentralDatabase } from './central-database.js';
import { centralMigrations } from './central-migrations.js';
import { DeltaStore } from './delta-store.js';
import { HealthStore } from './health-store.js';
import { ItemStore } from './item-store.js';
import { KeyRegistry } from './key-registry.js';

export const CENTRAL_DATABASE_FILE = 'central.db';

/** Everything central keeps, in one SQLite file in its data folder. */
export interface CentralStore {
  readonly db: Database;
  readonly keys: KeyRegistry;
  readonly items: ItemStore;
  readonly deltas: DeltaStore;
  readonly health: HealthStore;
  readonly alarms: AlarmStore;
  close(): void;
}

/** Creates the data folder (owner-only: it holds central's private key) and opens or makes the database. */
export function ensureDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new CentralConfigError(`cannot create central's data folder ${dataDir}: ${error instanceof Error ? error.message : 'unknown error'}`);
  }
}

export function openCentralStore(dataDir: string): CentralStore {
  ensureDataDir(dataDir);
  const db = openCentralDatabase(path.join(dataDir, CENTRAL_DATABASE_FILE), centralMigrations);
  return {
    db,
    keys: new KeyRegistry(db),
    items: new ItemStore(db),
    deltas: new DeltaStore(db),
    health: new HealthStore(db),
    alarms: new AlarmStore(db),
    close: () => {
      if (db.open) db.close();
    },
  };
}
