import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../main/core/db/migrate.js';
import { migrations } from '../../../../../main/core/db/migrations/index.js';
import { openDatabase } from '../../../../../main/core/db/open-database.js';
import { tempDir } from '../../../../rigs/temp-dir.js';

describe('migration 8: alert-list hits', () => {
  it('adds the hits and overrides on top of version 6, keeping what was there, and reads the open hits through their index', () => {
    const db = openDatabase(path.join(tempDir(), 'sahman.db'));
    migrate(db, migrations.slice(0, 7));
    db.prepare("INSERT INTO outbox (kind, created_at) VALUES ('audit', 7)").run();
    migrate(db, migrations.slice(0, 8));
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    expect(db.prepare('SELECT created_at FROM outbox').pluck().all()).toEqual([7]);
    const insert = db.prepare(
      "INSERT INTO alert_hits (assessment_id, hit_id, list, version, entry_id, how, action, raised_at, lane, shown, outcome) VALUES ('a', ?, 'document-list', 1, 'UTO:X:P', 'exact', 'refer', 1, 3, '{}', ?)",
    );
    insert.run('h1', 'refer');
    expect(() => insert.run('h1', null)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run('h2', 'maybe')).toThrow(/CHECK/);
    db.prepare("INSERT INTO alert_overrides (assessment_id, officer_id, reason, at) VALUES ('a', 'uto-super-1', 'a reason given', 2)").run();
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT hit_id FROM alert_hits WHERE reviewed_at IS NULL AND (crossing_id IS NULL OR outcome = 'refer') ORDER BY raised_at DESC LIMIT 10").all();
    expect(JSON.stringify(plan)).toContain('alert_hits_open');
    db.close();
  });
});
