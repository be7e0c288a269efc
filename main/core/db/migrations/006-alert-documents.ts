import type { Migration } from '../migration.js';

/**
 * Listed documents, sized for SLTD's hundred million entries: one row a
 * document in a table without rowids, keyed by issuing state and the
 * OCR-folded number (main/common/alerts/document-number.ts), so that a check
 * is one b-tree probe and a document that is not listed costs one miss. The
 * source is a small integer into its own table; the day is days since 1970.
 * The list's version is a reference version like the others, so the kind is
 * added to that table's CHECK (rebuilt: SQLite cannot alter a CHECK).
 */
export const migration006: Migration = {
  version: 6,
  name: 'alert-documents',
  up(db) {
    db.exec(`
      CREATE TABLE alert_document_sources (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
      ) STRICT;

      CREATE TABLE alert_documents (
        key TEXT NOT NULL,
        number TEXT NOT NULL,
        document_type TEXT NOT NULL,
        reason INTEGER NOT NULL CHECK (reason BETWEEN 0 AND 3),
        source_id INTEGER NOT NULL REFERENCES alert_document_sources (id),
        reported_day INTEGER NOT NULL,
        PRIMARY KEY (key, number, document_type)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE reference_versions_next (
        kind TEXT PRIMARY KEY CHECK (kind IN ('alert-list', 'visa-rules', 'config', 'document-list')),
        version INTEGER NOT NULL CHECK (version >= 0),
        applied_at INTEGER NOT NULL
      ) STRICT;
      INSERT INTO reference_versions_next (kind, version, applied_at) SELECT kind, version, applied_at FROM reference_versions;
      DROP TABLE reference_versions;
      ALTER TABLE reference_versions_next RENAME TO reference_versions;
    `);
  },
};
