import type { Migration } from '../migration.js';

/**
 * Second line: a supervisor takes a referral from the queue (one row a
 * referral, the latest taker's), and resolves it with a new record that
 * names it and is synced like any other, which the outbox must now carry.
 * SQLite cannot widen a CHECK in place, so the outbox is rebuilt: migrate()
 * runs with foreign keys off and checks them all before it commits.
 */
export const migration011: Migration = {
  version: 11,
  name: 'second-line',
  up(db) {
    db.exec(`
      CREATE TABLE outbox_next (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('crossing', 'void', 'resolution', 'audit')),
        created_at INTEGER NOT NULL
      ) STRICT;
      INSERT INTO outbox_next (seq, kind, created_at) SELECT seq, kind, created_at FROM outbox;
      -- A seq is never reused: the new table carries on from the old one's high-water mark, which
      -- may lie above every row left when retention purged the newest ones' neighbours.
      INSERT INTO sqlite_sequence (name, seq) SELECT 'outbox_next', seq FROM sqlite_sequence WHERE name = 'outbox'
        AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'outbox_next');
      UPDATE sqlite_sequence SET seq = max(seq, (SELECT seq FROM sqlite_sequence WHERE name = 'outbox')) WHERE name = 'outbox_next';
      DROP TABLE outbox;
      ALTER TABLE outbox_next RENAME TO outbox;

      CREATE TABLE referral_takes (
        referral_id TEXT PRIMARY KEY REFERENCES crossings (id),
        officer_id TEXT NOT NULL REFERENCES officers (id),
        taken_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE resolutions (
        seq INTEGER PRIMARY KEY REFERENCES outbox (seq),
        id TEXT NOT NULL UNIQUE,
        referral_id TEXT NOT NULL UNIQUE REFERENCES crossings (id),
        outcome TEXT NOT NULL CHECK (outcome IN ('admitted', 'refused')),
        recorded_at INTEGER NOT NULL,
        officer_id TEXT NOT NULL REFERENCES officers (id),
        body BLOB NOT NULL
      ) STRICT;
      CREATE INDEX resolutions_by_time ON resolutions (recorded_at);
    `);
  },
};
