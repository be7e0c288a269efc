import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../main/core/db/migrate.js';
import { migrations } from '../../../../../main/core/db/migrations/index.js';
import { openDatabase } from '../../../../../main/core/db/open-database.js';
import { tempDir } from '../../../../rigs/temp-dir.js';

describe('migration 6: listed documents', () => {
  it('adds the document list on top of version 5, keeping what was there, and refuses a reason it does not know', () => {
    const db = openDatabase(path.join(tempDir(), 'sahman.db'));
    migrate(db, migrations.slice(0, 5));
    db.prepare("INSERT INTO outbox (kind, created_at) VALUES ('audit', 7)").run();
    db.prepare("INSERT INTO reference_versions (kind, version, applied_at) VALUES ('visa-rules', 3, 9)").run();
    migrate(db, migrations.slice(0, 6));
    expect(db.prepare('SELECT kind, version, applied_at FROM reference_versions').all()).toEqual([{ kind: 'visa-rules', version: 3, applied_at: 9 }]);
    db.prepare("INSERT INTO reference_versions (kind, version, applied_at) VALUES ('document-list', 1, 10)").run();
    expect(() => db.prepare("INSERT INTO reference_versions (kind, version, applied_at) VALUES ('gossip', 1, 10)").run()).toThrow(/CHECK/);
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(db.prepare('SELECT created_at FROM outbox').pluck().all()).toEqual([7]);
    db.prepare("INSERT INTO alert_document_sources (id, name) VALUES (1, 'SLTD')").run();
    const insert = db.prepare('INSERT INTO alert_documents (key, number, document_type, reason, source_id, reported_day) VALUES (?, ?, ?, ?, 1, 20000)');
    insert.run('UTO:1898902C3', 'L898902C3', 'P', 1);
    expect(() => insert.run('UTO:1898902C4', 'L898902C4', 'P', 9)).toThrow(/CHECK/);
    expect(() => insert.run('UTO:1898902C3', 'L898902C3', 'P', 0)).toThrow(/UNIQUE|PRIMARY/);
    db.close();
  });
});
