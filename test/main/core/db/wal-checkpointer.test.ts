import { statSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../main/core/db/open-database.js';
import { startWalCheckpointer } from '../../../../main/core/db/wal-checkpointer.js';
import { tempDir } from '../../../rigs/temp-dir.js';

const log = pino({ level: 'silent' });

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the background WAL checkpointer', () => {
  it('moves committed pages into the database file while the writer goes on, so commits never do it themselves', async () => {
    const file = path.join(tempDir(), 'sahman.db');
    const db = openDatabase(file);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, payload BLOB NOT NULL)');
    const checkpointer = startWalCheckpointer(db, file, log);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
    const insert = db.prepare('INSERT INTO t (payload) VALUES (randomblob(3000))');
    // 1,500 commits of ~4 KB: past SQLite's default threshold of 1,000 pages, below the safety net.
    for (let i = 0; i < 1_500; i++) insert.run();
    await until(() => statSync(file).size > 1_500 * 3_000);
    await checkpointer.stop();
    db.close();
    const reopened = openDatabase(file, { readonly: true });
    expect(reopened.prepare('SELECT count(*) FROM t').pluck().get()).toBe(1_500);
    reopened.close();
  });

  it('once it has reported, leaves the recording connection no checkpoint of its own to run, and gives it back SQLite\'s own when it stops', async () => {
    const file = path.join(tempDir(), 'sahman.db');
    const db = openDatabase(file);
    const checkpointer = startWalCheckpointer(db, file, log);
    // Until the worker is heard from, only the safety net.
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(10_000);
    await until(() => db.pragma('wal_autocheckpoint', { simple: true }) === 0);
    await checkpointer.stop();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1_000);
    db.close();
  });

  it('stops promptly and can be stopped twice', async () => {
    const file = path.join(tempDir(), 'sahman.db');
    const db = openDatabase(file);
    const checkpointer = startWalCheckpointer(db, file, log);
    const started = Date.now();
    await checkpointer.stop();
    await checkpointer.stop();
    expect(Date.now() - started).toBeLessThan(2_000);
    db.close();
  });
});
