import type { CentralMigration } from './central-database.js';

/**
 * Central's schema, one version a step. Append; never edit a released step.
 *
 * Items are keyed by (key registration, seq) rather than (appliance, seq): a
 * rebuilt appliance with a new key starts a new sequence instead of having its
 * first records taken for duplicates of the old one's.
 */
export const centralMigrations: readonly CentralMigration[] = [
  {
    version: 1,
    name: 'keys-items-deltas-health-alarms',
    up(db) {
      db.exec(`
        CREATE TABLE appliance_keys (
          id INTEGER PRIMARY KEY,
          appliance_id TEXT NOT NULL,
          key_id TEXT NOT NULL,
          public_key TEXT NOT NULL,
          registered_at TEXT NOT NULL,
          UNIQUE (appliance_id, key_id)
        );
        CREATE TABLE items (
          key_ref INTEGER NOT NULL REFERENCES appliance_keys (id),
          seq INTEGER NOT NULL,
          kind TEXT NOT NULL,
          item TEXT NOT NULL,
          digest TEXT NOT NULL,
          item_time TEXT,
          day TEXT,
          received_at TEXT NOT NULL,
          rejected_reason TEXT,
          PRIMARY KEY (key_ref, seq)
        );
        CREATE INDEX items_by_day ON items (key_ref, day, seq);
        CREATE TABLE alarms (
          id INTEGER PRIMARY KEY,
          raised_at TEXT NOT NULL,
          kind TEXT NOT NULL,
          appliance_id TEXT NOT NULL,
          key_id TEXT NOT NULL,
          seq INTEGER,
          detail TEXT NOT NULL
        );
        CREATE TABLE delta_versions (
          kind TEXT NOT NULL,
          version INTEGER NOT NULL,
          published_at TEXT NOT NULL,
          PRIMARY KEY (kind, version)
        );
        CREATE TABLE delta_changes (
          kind TEXT NOT NULL,
          version INTEGER NOT NULL,
          key TEXT NOT NULL,
          value TEXT,
          PRIMARY KEY (kind, version, key),
          FOREIGN KEY (kind, version) REFERENCES delta_versions (kind, version)
        );
        CREATE TABLE health_reports (
          appliance_id TEXT PRIMARY KEY,
          key_id TEXT NOT NULL,
          received_at TEXT NOT NULL,
          report TEXT NOT NULL
        );
      `);
    },
  },
];
