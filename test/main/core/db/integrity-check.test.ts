import { openSync, writeSync, closeSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../../../main/core/db/integrity-check.js';
import { openDatabase } from '../../../../main/core/db/open-database.js';
import { tempDir } from '../../../rigs/temp-dir.js';

function databaseWithRows(rows: number): string {
  const file = path.join(tempDir(), 'sahman.db');
  const db = openDatabase(file);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL); CREATE INDEX t_v ON t (v)');
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`value-${String(i).padStart(8, '0')}-${'x'.repeat(40)}`);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return file;
}

describe('the start-up integrity check', () => {
  it('passes a healthy database', async () => {
    expect(await checkIntegrity(databaseWithRows(100), 10_000)).toMatchObject({ status: 'ok' });
  });

  it('reports a database whose pages were damaged on disk', async () => {
    const file = databaseWithRows(20_000);
    const size = statSync(file).size;
    // Overwrite a stretch in the middle of the file, as a failing disk would.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const verdict = await checkIntegrity(file, 10_000);
    expect(['corrupt', 'unreadable']).toContain(verdict.status);
  });

  it('reports a file that is not a database at all', async () => {
    const file = path.join(tempDir(), 'sahman.db');
    writeFileSync(file, 'this is not an SQLite file, but a guard typed it into the wrong box\n'.repeat(100));
    expect(await checkIntegrity(file, 10_000)).toMatchObject({ status: 'unreadable', message: expect.stringMatching(/not a database/) });
  });

  it('gives up after its time budget instead of holding up start-up, and says so', async () => {
    const verdict = await checkIntegrity(databaseWithRows(200_000), 1);
    expect(verdict.status).toBe('timed-out');
  });
});
