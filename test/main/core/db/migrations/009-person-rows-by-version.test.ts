import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../main/core/db/migrate.js';
import { migrations } from '../../../../../main/core/db/migrations/index.js';
import { openDatabase } from '../../../../../main/core/db/open-database.js';
import { tempDir } from '../../../../rigs/temp-dir.js';

describe('migration 9: listed persons by version', () => {
  it('keeps the listed persons there were, in force from version 0, and refuses a row whose validity ends before it starts', () => {
    const db = openDatabase(path.join(tempDir(), 'sahman.db'));
    migrate(db, migrations.slice(0, 8));
    db.prepare("INSERT INTO alert_persons (id, entry) VALUES ('uto-1', '{}')").run();
    migrate(db, migrations.slice(0, 9));
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    expect(db.prepare('SELECT id, since, until, entry FROM alert_persons').all()).toEqual([{ id: 'uto-1', since: 0, until: null, entry: '{}' }]);
    expect(() => db.prepare("INSERT INTO alert_persons (id, since, until, entry) VALUES ('uto-2', 3, 3, '{}')").run()).toThrow(/CHECK/);
    // The same person in two versions: the staged row beside the one in force.
    db.prepare("INSERT INTO alert_persons (id, since, entry) VALUES ('uto-1', 1, '{}')").run();
    expect(db.prepare("SELECT count(*) FROM alert_persons WHERE id = 'uto-1'").pluck().get()).toBe(2);
  });
});
