import type { Migration } from '../migration.js';

/**
 * Every configuration the core has run with, so that a change made to the
 * file between two starts is noticed and audited with what changed.
 */
export const migration004: Migration = {
  version: 4,
  name: 'config-history',
  up(db) {
    db.exec(`
      CREATE TABLE config_history (
        id INTEGER PRIMARY KEY,
        digest TEXT NOT NULL CHECK (length(digest) = 64),
        config TEXT NOT NULL,
        applied_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
