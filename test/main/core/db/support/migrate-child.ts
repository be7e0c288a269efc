/**
 * One process migrating a database file, for the two-process race test: it waits for the go file,
 * then migrates with a slow, non-repeatable first migration, and prints what it applied as JSON.
 */
import { existsSync } from 'node:fs';
import { migrate } from '../../../../../main/core/db/migrate.js';
import type { Migration } from '../../../../../main/core/db/migration.js';
import { openDatabase } from '../../../../../main/core/db/open-database.js';

const [file = '', goFile = ''] = process.argv.slice(2);
const pause = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

const migrations: Migration[] = [
  {
    version: 1,
    name: 'notes',
    up: (db) => {
      // Slow enough that the other process reaches the lock while this one holds it.
      pause(400);
      db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT');
    },
  },
  { version: 2, name: 'note-author', up: (db) => db.exec("ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT ''") },
];

const db = openDatabase(file);
process.stdout.write('ready\n');
while (!existsSync(goFile)) pause(2);
try {
  const outcome = migrate(db, migrations);
  process.stdout.write(`${JSON.stringify({ applied: outcome.applied })}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ error: error instanceof Error ? error.message : String(error) })}\n`);
  process.exitCode = 1;
} finally {
  db.close();
}
