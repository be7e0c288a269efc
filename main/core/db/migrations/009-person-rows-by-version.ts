import type { Migration } from '../migration.js';

/**
 * Listed persons' rows carry the list versions they are valid for: a row
 * counts from `since` until `until` (open while null). A large delta is
 * then written in small transactions as rows of its new version, invisible
 * until one short transaction moves the list's version, so recording a
 * crossing never waits behind a 100,000-row write. Rows a version superseded
 * are swept afterwards. Existing rows count from version 0.
 */
export const migration009: Migration = {
  version: 9,
  name: 'person-rows-by-version',
  up(db) {
    db.exec(`
      CREATE TABLE alert_persons_next (
        id TEXT NOT NULL,
        since INTEGER NOT NULL CHECK (since >= 0),
        until INTEGER CHECK (until IS NULL OR until > since),
        entry TEXT NOT NULL,
        PRIMARY KEY (id, since)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO alert_persons_next (id, since, until, entry) SELECT id, 0, NULL, entry FROM alert_persons;
      DROP TABLE alert_persons;
      ALTER TABLE alert_persons_next RENAME TO alert_persons;
      CREATE INDEX alert_persons_until ON alert_persons (until) WHERE until IS NOT NULL;
    `);
  },
};
