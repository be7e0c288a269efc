import type { Migration } from '../migration.js';

/**
 * Listed documents' rows carry the list versions they are valid for, as the
 * persons' do (migration 009): a delta is written as rows of its new version
 * in small transactions and comes into force when the list's version moves,
 * so a lane records crossings while a 100,000-entry delta is written. `since`
 * joins the key (a replaced document has its old and new rows side by side
 * until the old one is swept); superseded rows are found by a partial index
 * that holds only them. A delta being staged is named in reference_staging,
 * so that a start after a stop mid-delta knows to take its rows back.
 */
export const migration010: Migration = {
  version: 10,
  name: 'document-rows-by-version',
  up(db) {
    db.exec(`
      CREATE TABLE alert_documents_next (
        key TEXT NOT NULL,
        number TEXT NOT NULL,
        document_type TEXT NOT NULL,
        since INTEGER NOT NULL CHECK (since >= 0),
        until INTEGER CHECK (until IS NULL OR until > since),
        reason INTEGER NOT NULL CHECK (reason BETWEEN 0 AND 3),
        source_id INTEGER NOT NULL REFERENCES alert_document_sources (id),
        reported_day INTEGER NOT NULL,
        PRIMARY KEY (key, number, document_type, since)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO alert_documents_next (key, number, document_type, since, until, reason, source_id, reported_day)
        SELECT key, number, document_type, 0, NULL, reason, source_id, reported_day FROM alert_documents;
      DROP TABLE alert_documents;
      ALTER TABLE alert_documents_next RENAME TO alert_documents;
      CREATE INDEX alert_documents_until ON alert_documents (until) WHERE until IS NOT NULL;

      CREATE TABLE reference_staging (
        kind TEXT PRIMARY KEY,
        to_version INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
