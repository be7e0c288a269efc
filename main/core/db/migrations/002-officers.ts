import type { Migration } from '../migration.js';

/** Officer accounts: roles, scrypt PIN hash, lockout state. */
export const migration002: Migration = {
  version: 2,
  name: 'officers',
  up(db) {
    db.exec(`
      CREATE TABLE officers (
        id TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        roles TEXT NOT NULL,
        pin_hash TEXT NOT NULL,
        must_change_pin INTEGER NOT NULL DEFAULT 0 CHECK (must_change_pin IN (0, 1)),
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until INTEGER,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
