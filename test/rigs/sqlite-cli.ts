import { execFileSync } from 'node:child_process';

/**
 * Runs SQL on a database file with Debian's sqlite3 command, as someone who
 * holds the file but not the appliance would: no code of ours is involved.
 */
export function sqliteCli(file: string, sql: string): string {
  try {
    return execFileSync('sqlite3', [file, sql], { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('sqlite3 is not installed: the audit tamper test edits the database from outside with it. Install it: apt-get install sqlite3', { cause: error });
    throw error;
  }
}
