import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../main/core/db/migrate.js';
import { migrations } from '../../../../../main/core/db/migrations/index.js';
import { openDatabase } from '../../../../../main/core/db/open-database.js';
import { tempDir } from '../../../../rigs/temp-dir.js';

function databaseAt(version: number) {
  const db = openDatabase(path.join(tempDir(), 'sahman.db'));
  migrate(db, migrations.slice(0, version));
  db.prepare("INSERT INTO officers (id, display_name, roles, pin_hash, created_at) VALUES ('uto-guard-1', 'Officer', '[\"guard\"]', 'x', 0)").run();
  return db;
}

describe('migration 3: crossings and voids', () => {
  it('keys each crossing and void by its outbox seq, and voids a crossing at most once', () => {
    const db = databaseAt(3);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    const outbox = db.prepare("INSERT INTO outbox (kind, created_at) VALUES (?, 0)");
    const crossing = db.prepare(
      "INSERT INTO crossings (seq, id, recorded_at, lane, direction, decision, document_key, officer_id, body) VALUES (?, ?, 0, 1, 'entry', 'admit', 'UTO:L898902C3', 'uto-guard-1', x'01')",
    );
    // No crossing without its place in the outbox.
    expect(() => crossing.run(1, 'c-1')).toThrow(/FOREIGN KEY/);
    outbox.run('crossing');
    crossing.run(1, 'c-1');
    const voidRow = db.prepare("INSERT INTO voids (seq, id, crossing_id, recorded_at, officer_id, body) VALUES (?, ?, 'c-1', 0, 'uto-guard-1', x'01')");
    outbox.run('void');
    voidRow.run(2, 'v-1');
    outbox.run('void');
    expect(() => voidRow.run(3, 'v-2')).toThrow(/UNIQUE/);
    db.close();
  });

  it('refuses a decision or direction outside the contract, and a body kept as text', () => {
    const db = databaseAt(3);
    db.prepare("INSERT INTO outbox (kind, created_at) VALUES ('crossing', 0)").run();
    const insert = db.prepare(
      "INSERT INTO crossings (seq, id, recorded_at, lane, direction, decision, document_key, officer_id, body) VALUES (1, 'c-1', 0, 1, ?, ?, 'k', 'uto-guard-1', ?)",
    );
    expect(() => insert.run('sideways', 'admit', Buffer.of(1))).toThrow(/CHECK/);
    expect(() => insert.run('entry', 'wave-through', Buffer.of(1))).toThrow(/CHECK/);
    expect(() => insert.run('entry', 'admit', '{"v":1}')).toThrow(/BLOB/);
    db.close();
  });
});
