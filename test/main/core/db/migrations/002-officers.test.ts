import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../main/core/db/migrate.js';
import { migrations } from '../../../../../main/core/db/migrations/index.js';
import { openDatabase } from '../../../../../main/core/db/open-database.js';
import { tempDir } from '../../../../rigs/temp-dir.js';

function databaseAt(version: number) {
  const db = openDatabase(path.join(tempDir(), 'sahman.db'));
  migrate(db, migrations.slice(0, version));
  return db;
}

describe('migration 2: officers', () => {
  it('keeps one account per officer id, with a lockout state that starts clear', () => {
    const db = databaseAt(2);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    const insert = db.prepare("INSERT INTO officers (id, display_name, roles, pin_hash, created_at) VALUES (?, 'Officer', '[\"guard\"]', 'scrypt$x', 0)");
    insert.run('uto-guard-1');
    expect(() => insert.run('uto-guard-1')).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT failed_attempts, locked_until, active, must_change_pin FROM officers').get()).toEqual({
      failed_attempts: 0,
      locked_until: null,
      active: 1,
      must_change_pin: 0,
    });
    expect(() => db.prepare("UPDATE officers SET active = 2 WHERE id = 'uto-guard-1'").run()).toThrow(/CHECK/);
    db.close();
  });
});
