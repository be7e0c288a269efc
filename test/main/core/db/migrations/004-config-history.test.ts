import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../main/core/db/migrate.js';
import { migrations } from '../../../../../main/core/db/migrations/index.js';
import { openDatabase } from '../../../../../main/core/db/open-database.js';
import { tempDir } from '../../../../rigs/temp-dir.js';

describe('migration 4: config history', () => {
  it('adds the history on top of version 3, keeping what was there', () => {
    const file = path.join(tempDir(), 'sahman.db');
    const db = openDatabase(file);
    migrate(db, migrations.slice(0, 3));
    db.prepare("INSERT INTO outbox (kind, created_at) VALUES ('audit', 5)").run();
    migrate(db, migrations.slice(0, 4));
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(db.prepare('SELECT created_at FROM outbox').pluck().all()).toEqual([5]);
    const insert = db.prepare('INSERT INTO config_history (digest, config, applied_at) VALUES (?, ?, 0)');
    insert.run('a'.repeat(64), '{}');
    expect(() => insert.run('short', '{}')).toThrow(/CHECK/);
    db.close();
  });
});
