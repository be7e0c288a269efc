import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../main/core/db/migrate.js';
import { migrations } from '../../../../../main/core/db/migrations/index.js';
import { openDatabase } from '../../../../../main/core/db/open-database.js';
import { tempDir } from '../../../../rigs/temp-dir.js';

describe('migration 11: second line', () => {
  it('keeps every outbox row and its place in the sequence, carries resolutions, and still refuses an item the outbox never issued', () => {
    const db = openDatabase(path.join(tempDir(), 'sahman.db'));
    migrate(db, migrations.slice(0, 10));
    db.prepare("INSERT INTO officers (id, display_name, roles, pin_hash, created_at) VALUES ('uto-super-1', 'Officer', '[\"supervisor\"]', 'x', 0)").run();
    const outbox = db.prepare("INSERT INTO outbox (kind, created_at) VALUES ('crossing', 0)");
    for (let seq = 1; seq <= 5; seq += 1) outbox.run();
    db.prepare("INSERT INTO crossings (seq, id, recorded_at, lane, direction, decision, document_key, officer_id, body) VALUES (1, '0190b1c2-0000-7000-8000-000000000001', 0, 1, 'entry', 'refer', 'k', 'uto-super-1', x'00')").run();
    // Retention purged the newest rows: their seqs must never be issued again.
    db.prepare('DELETE FROM outbox WHERE seq > 3').run();

    migrate(db, migrations);
    expect(db.pragma('user_version', { simple: true })).toBe(11);
    expect(db.prepare('SELECT seq, kind FROM outbox ORDER BY seq').all()).toEqual([1, 2, 3].map((seq) => ({ seq, kind: 'crossing' })));
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(Number(db.prepare("INSERT INTO outbox (kind, created_at) VALUES ('resolution', 0)").run().lastInsertRowid)).toBe(6);
    expect(() => db.prepare("INSERT INTO outbox (kind, created_at) VALUES ('gossip', 0)").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO voids (seq, id, crossing_id, recorded_at, officer_id, body) VALUES (99, 'v', '0190b1c2-0000-7000-8000-000000000001', 0, 'uto-super-1', x'00')").run()).toThrow(/FOREIGN KEY/);

    const resolve = db.prepare("INSERT INTO resolutions (seq, id, referral_id, outcome, recorded_at, officer_id, body) VALUES (6, ?, ?, 'admitted', 0, 'uto-super-1', x'00')");
    expect(() => resolve.run('r1', 'not-a-referral')).toThrow(/FOREIGN KEY/);
    resolve.run('r1', '0190b1c2-0000-7000-8000-000000000001');
    db.prepare("INSERT INTO referral_takes (referral_id, officer_id, taken_at) VALUES ('0190b1c2-0000-7000-8000-000000000001', 'uto-super-1', 0)").run();
    expect(() => db.prepare("INSERT INTO referral_takes (referral_id, officer_id, taken_at) VALUES ('0190b1c2-0000-7000-8000-000000000001', 'uto-super-1', 1)").run()).toThrow(/UNIQUE|PRIMARY/);
    db.close();
  });

  it('refuses to finish a migration that would leave a row naming a missing one, and leaves the file as it was', () => {
    const db = openDatabase(path.join(tempDir(), 'sahman.db'));
    migrate(db, migrations.slice(0, 10));
    db.pragma('foreign_keys = OFF');
    db.prepare("INSERT INTO crossings (seq, id, recorded_at, lane, direction, decision, document_key, officer_id, body) VALUES (7, 'c', 0, 1, 'entry', 'refer', 'k', 'nobody', x'00')").run();
    db.pragma('foreign_keys = ON');
    expect(() => migrate(db, migrations)).toThrow(/migration 11.*name a missing/s);
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});
