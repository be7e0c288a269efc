import type { Migration } from '../migration.js';

/**
 * What sync needs beside the outbox: items central rejected (dead letters),
 * items sent again after a fix under a new seq, and the reference data that
 * central sends down (alert lists, visa rules, config) with their versions.
 */
export const migration005: Migration = {
  version: 5,
  name: 'sync',
  up(db) {
    db.exec(`
      -- Never deleted by a user: a rejected item stays listed until it is requeued, and after.
      CREATE TABLE dead_letters (
        seq INTEGER PRIMARY KEY REFERENCES outbox (seq),
        reason TEXT NOT NULL,
        rejected_at INTEGER NOT NULL,
        requeued_as INTEGER UNIQUE REFERENCES outbox (seq)
      ) STRICT;

      -- An outbox row that carries an earlier item again; the item itself stays stored under its first seq.
      CREATE TABLE requeued (
        seq INTEGER PRIMARY KEY REFERENCES outbox (seq),
        supersedes INTEGER NOT NULL UNIQUE REFERENCES dead_letters (seq),
        -- Where the item is stored: the first seq it had, however often it was sent again.
        item_seq INTEGER NOT NULL REFERENCES outbox (seq)
      ) STRICT;

      CREATE TABLE reference_versions (
        kind TEXT PRIMARY KEY CHECK (kind IN ('alert-list', 'visa-rules', 'config')),
        version INTEGER NOT NULL CHECK (version >= 0),
        applied_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE reference_entries (
        kind TEXT NOT NULL CHECK (kind IN ('alert-list', 'visa-rules', 'config')),
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (kind, key)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
