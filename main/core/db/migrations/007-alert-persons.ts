import type { Migration } from '../migration.js';

/**
 * Listed persons: one row each, the entry as central published it (checked
 * again when read back). Person lists are small beside document lists (tens
 * or hundreds of thousands), and matching runs in memory over a blocking
 * index built from these rows at start, so the table is only their durable
 * copy. The list's version joins the reference versions' CHECK (rebuilt:
 * SQLite cannot alter a CHECK).
 */
export const migration007: Migration = {
  version: 7,
  name: 'alert-persons',
  up(db) {
    db.exec(`
      CREATE TABLE alert_persons (
        id TEXT PRIMARY KEY,
        entry TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE reference_versions_next (
        kind TEXT PRIMARY KEY CHECK (kind IN ('alert-list', 'visa-rules', 'config', 'document-list', 'person-list')),
        version INTEGER NOT NULL CHECK (version >= 0),
        applied_at INTEGER NOT NULL
      ) STRICT;
      INSERT INTO reference_versions_next (kind, version, applied_at) SELECT kind, version, applied_at FROM reference_versions;
      DROP TABLE reference_versions;
      ALTER TABLE reference_versions_next RENAME TO reference_versions;
    `);
  },
};
