import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../main/core/db/migrate.js';
import { migration001 } from '../../../../../main/core/db/migrations/001-outbox-and-audit.js';
import { openDatabase } from '../../../../../main/core/db/open-database.js';
import { tempDir } from '../../../../rigs/temp-dir.js';

function freshDatabase() {
  const db = openDatabase(path.join(tempDir(), 'sahman.db'));
  migrate(db, [migration001]);
  return db;
}

describe('migration 1: outbox and audit trail', () => {
  it('creates the outbox, the audit events and the checkpoints on an empty file', () => {
    const db = freshDatabase();
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
    expect(tables).toEqual(['audit_checkpoints', 'audit_events', 'delivery', 'outbox']);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });

  it('never hands out a seq twice, even after the newest row is deleted', () => {
    const db = freshDatabase();
    const insert = db.prepare("INSERT INTO outbox (kind, created_at) VALUES ('audit', 0)");
    expect(Number(insert.run().lastInsertRowid)).toBe(1);
    expect(Number(insert.run().lastInsertRowid)).toBe(2);
    db.prepare('DELETE FROM outbox WHERE seq = 2').run();
    expect(Number(insert.run().lastInsertRowid)).toBe(3);
    db.close();
  });

  it('refuses an unknown kind, a second delivery mark, and an audit event without its outbox row', () => {
    const db = freshDatabase();
    expect(() => db.prepare("INSERT INTO outbox (kind, created_at) VALUES ('gossip', 0)").run()).toThrow(/CHECK/);
    expect(db.prepare('SELECT delivered_through_seq FROM delivery').pluck().all()).toEqual([0]);
    expect(() => db.prepare('INSERT INTO delivery (id, delivered_through_seq, updated_at) VALUES (2, 0, 0)').run()).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO audit_events (chain_index, seq, body, prev_hash, hash) VALUES (1, 99, x'00', ?, ?)").run(Buffer.alloc(32), Buffer.alloc(32, 0xff)),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('keeps digests as 32 bytes, and refuses hex text or a digest of another length', () => {
    const db = freshDatabase();
    db.prepare("INSERT INTO outbox (kind, created_at) VALUES ('audit', 0)").run();
    const insert = db.prepare("INSERT INTO audit_events (chain_index, seq, body, prev_hash, hash) VALUES (1, 1, x'00', ?, ?)");
    expect(() => insert.run('0'.repeat(64), 'f'.repeat(64))).toThrow(/BLOB/);
    expect(() => insert.run(Buffer.alloc(32), Buffer.alloc(31))).toThrow(/CHECK/);
    insert.run(Buffer.alloc(32), Buffer.alloc(32, 0xff));
    db.close();
  });
});
