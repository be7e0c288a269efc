import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../main/core/db/migrate.js';
import { migrations } from '../../../../../main/core/db/migrations/index.js';
import { openDatabase } from '../../../../../main/core/db/open-database.js';
import { tempDir } from '../../../../rigs/temp-dir.js';

describe('migration 10: listed documents by version', () => {
  it('keeps the listed documents there were, in force from version 0, and lets a replaced one stand beside its successor', () => {
    const db = openDatabase(path.join(tempDir(), 'sahman.db'));
    migrate(db, migrations.slice(0, 9));
    db.prepare("INSERT INTO alert_document_sources (id, name) VALUES (1, 'SLTD')").run();
    db.prepare("INSERT INTO alert_documents (key, number, document_type, reason, source_id, reported_day) VALUES ('UTO:L898902C3', 'L898902C3', 'P', 1, 1, 20000)").run();
    migrate(db, migrations.slice(0, 10));
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    expect(db.prepare('SELECT key, since, until, reason FROM alert_documents').all()).toEqual([{ key: 'UTO:L898902C3', since: 0, until: null, reason: 1 }]);
    db.prepare("INSERT INTO alert_documents (key, number, document_type, since, reason, source_id, reported_day) VALUES ('UTO:L898902C3', 'L898902C3', 'P', 1, 2, 1, 20000)").run();
    expect(() => db.prepare("UPDATE alert_documents SET until = 0 WHERE since = 0").run()).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) FROM reference_staging').pluck().get()).toBe(0);
  });
});
