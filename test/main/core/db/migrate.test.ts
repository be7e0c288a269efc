import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError, MigrationError } from '../../../../main/core/db/database-errors.js';
import { migrate } from '../../../../main/core/db/migrate.js';
import type { Migration } from '../../../../main/core/db/migration.js';
import { openDatabase } from '../../../../main/core/db/open-database.js';
import { tempDir } from '../../../rigs/temp-dir.js';

const createNotes: Migration = { version: 1, name: 'notes', up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT') };
const addAuthor: Migration = { version: 2, name: 'note-author', up: (db) => db.exec("ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT ''") };
const broken: Migration = {
  version: 3,
  name: 'broken',
  up: (db) => {
    db.exec('CREATE TABLE half_done (id INTEGER)');
    db.exec('THIS IS NOT SQL');
  },
};

function tables(file: string): string[] {
  const db = openDatabase(file);
  const names = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((row) => row.name);
  db.close();
  return names;
}

describe('schema migrations', () => {
  it('runs every pending migration and records the version in user_version', () => {
    const file = path.join(tempDir(), 'sahman.db');
    const db = openDatabase(file);
    expect(migrate(db, [createNotes])).toEqual({ from: 0, to: 1, applied: ['1-notes'] });
    expect(migrate(db, [createNotes, addAuthor])).toEqual({ from: 1, to: 2, applied: ['2-note-author'] });
    expect(migrate(db, [createNotes, addAuthor])).toEqual({ from: 2, to: 2, applied: [] });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.prepare('INSERT INTO notes (text, author) VALUES (?, ?)').run('kept', 'uto-officer');
    db.close();
  });

  it('applies nothing when one pending migration fails, and says which', () => {
    const file = path.join(tempDir(), 'sahman.db');
    const db = openDatabase(file);
    migrate(db, [createNotes]);
    expect(() => migrate(db, [createNotes, addAuthor, broken])).toThrow(MigrationError);
    expect(() => migrate(db, [createNotes, addAuthor, broken])).toThrow(/migration 3 \(broken\) failed, nothing was changed/);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
    expect(tables(file)).toEqual(['notes']);
  });

  it('refuses a database written by a newer Sahman, without touching it', () => {
    const file = path.join(tempDir(), 'sahman.db');
    const db = openDatabase(file);
    migrate(db, [createNotes, addAuthor]);
    expect(() => migrate(db, [createNotes])).toThrow(DatabaseTooNewError);
    expect(() => migrate(db, [createNotes])).toThrow(/schema version 2, but this Sahman knows versions up to 1/);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
  });

  it('refuses a migration list with a gap', () => {
    const db = openDatabase(path.join(tempDir(), 'sahman.db'));
    expect(() => migrate(db, [createNotes, { ...broken, version: 3 }])).toThrow(/position 2 holds version 3/);
    db.close();
  });
});

describe('the database connection', () => {
  it('is opened in WAL mode with full fsync and foreign keys on', () => {
    const db = openDatabase(path.join(tempDir(), 'sahman.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });
});

describe('two processes opening one new database file at once', () => {
  it('migrates it once: the second finds the first one\'s work done, and neither fails', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'sahman.db');
    const goFile = path.join(dir, 'go');
    const child = fileURLToPath(new URL('./support/migrate-child.ts', import.meta.url));
    const runs = [0, 1].map(() => {
      const migrator = spawn(process.execPath, ['--import', 'tsx', child, file, goFile], { stdio: ['ignore', 'pipe', 'inherit'] });
      let output = '';
      migrator.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
      const exited = new Promise<number | null>((resolve) => migrator.once('exit', (code) => resolve(code)));
      return { output: () => output, exited };
    });
    // Both hold the file open before either may migrate: the race the lock must settle.
    for (const run of runs) await expect.poll(run.output, { timeout: 20_000 }).toContain('ready');
    writeFileSync(goFile, '');
    const codes = await Promise.all(runs.map((run) => run.exited));
    const outcomes = runs.map((run) => JSON.parse(run.output().split('\n')[1] ?? 'null') as { applied?: string[]; error?: string });
    expect(outcomes.filter((outcome) => outcome.error !== undefined)).toEqual([]);
    expect(codes).toEqual([0, 0]);
    expect(outcomes.map((outcome) => outcome.applied?.length).sort()).toEqual([0, 2]);
    expect(tables(file)).toContain('notes');
  }, 40_000);
});
