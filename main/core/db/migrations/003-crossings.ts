import type { Migration } from '../migration.js';

/**
 * Crossings and voids. The record itself is one JSON body, compressed
 * (store/record-body-codec) and validated by zod when read back; the columns
 * beside it are what the supervisor queries and the document checks look up.
 */
export const migration003: Migration = {
  version: 3,
  name: 'crossings',
  up(db) {
    db.exec(`
      CREATE TABLE crossings (
        seq INTEGER PRIMARY KEY REFERENCES outbox (seq),
        id TEXT NOT NULL UNIQUE,
        recorded_at INTEGER NOT NULL,
        lane INTEGER NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('entry', 'exit')),
        decision TEXT NOT NULL CHECK (decision IN ('admit', 'refuse', 'refer')),
        document_key TEXT NOT NULL,
        officer_id TEXT NOT NULL REFERENCES officers (id),
        body BLOB NOT NULL
      ) STRICT;
      CREATE INDEX crossings_by_time ON crossings (recorded_at, lane);
      CREATE INDEX crossings_by_document ON crossings (document_key, recorded_at);
      CREATE INDEX crossings_referred ON crossings (recorded_at) WHERE decision = 'refer';

      CREATE TABLE voids (
        seq INTEGER PRIMARY KEY REFERENCES outbox (seq),
        id TEXT NOT NULL UNIQUE,
        crossing_id TEXT NOT NULL UNIQUE REFERENCES crossings (id),
        recorded_at INTEGER NOT NULL,
        officer_id TEXT NOT NULL REFERENCES officers (id),
        body BLOB NOT NULL
      ) STRICT;
    `);
  },
};
