import type { Migration } from '../migration.js';

/**
 * Alert-list hits and what was done about them, so that the supervisor's
 * queue survives a restart: one row a hit of an assessment (its list, version
 * and entry id; what the screen showed, `shown`, kept only until a supervisor
 * reviews it), the guard's acknowledgement, the crossing that decided it, and
 * the review that closed it; one row an override. The open hits are a partial
 * index, so the queue reads only what is still open.
 */
export const migration008: Migration = {
  version: 8,
  name: 'alert-hits',
  up(db) {
    db.exec(`
      CREATE TABLE alert_hits (
        assessment_id TEXT NOT NULL,
        hit_id TEXT NOT NULL,
        list TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 0),
        entry_id TEXT NOT NULL,
        how TEXT NOT NULL,
        action TEXT NOT NULL,
        score REAL,
        raised_at INTEGER NOT NULL,
        lane INTEGER NOT NULL,
        shown TEXT,
        acknowledged_at INTEGER,
        acknowledged_by TEXT,
        crossing_id TEXT,
        outcome TEXT CHECK (outcome IN ('admit', 'refuse', 'refer')),
        reviewed_at INTEGER,
        reviewed_by TEXT,
        finding TEXT CHECK (finding IN ('confirmed', 'false-match')),
        review_note TEXT,
        PRIMARY KEY (assessment_id, hit_id)
      ) STRICT;
      CREATE INDEX alert_hits_open ON alert_hits (raised_at) WHERE reviewed_at IS NULL;

      CREATE TABLE alert_overrides (
        assessment_id TEXT PRIMARY KEY,
        officer_id TEXT NOT NULL,
        reason TEXT NOT NULL,
        at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
