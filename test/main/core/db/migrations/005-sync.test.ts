import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../../main/core/db/migrate.js';
import { migrations } from '../../../../../main/core/db/migrations/index.js';
import { openDatabase } from '../../../../../main/core/db/open-database.js';
import { tempDir } from '../../../../rigs/temp-dir.js';

describe('migration 5: sync', () => {
  it('dead-letters an item once, requeues it once, and keeps reference data per kind and key', () => {
    const db = openDatabase(path.join(tempDir(), 'sahman.db'));
    migrate(db, migrations.slice(0, 5));
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    const outbox = db.prepare("INSERT INTO outbox (kind, created_at) VALUES ('audit', 0)");
    outbox.run();
    outbox.run();
    outbox.run();
    // A dead letter names an item the outbox issued, and nothing else.
    expect(() => db.prepare("INSERT INTO dead_letters (seq, reason, rejected_at) VALUES (99, 'x', 0)").run()).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO dead_letters (seq, reason, rejected_at) VALUES (1, 'schema', 0)").run();
    db.prepare('INSERT INTO requeued (seq, supersedes, item_seq) VALUES (2, 1, 1)').run();
    expect(() => db.prepare('INSERT INTO requeued (seq, supersedes, item_seq) VALUES (3, 1, 1)').run()).toThrow(/UNIQUE/);
    const entry = db.prepare("INSERT INTO reference_entries (kind, key, value) VALUES (?, 'UTO', '\"visa-free\"')");
    entry.run('visa-rules');
    expect(() => entry.run('visa-rules')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => entry.run('gossip')).toThrow(/CHECK/);
    db.close();
  });
});
