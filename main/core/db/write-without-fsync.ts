import type { Database } from 'better-sqlite3';

/**
 * Runs a write whose loss to a power cut costs nothing lasting, without its
 * own fsync (WAL with synchronous=NORMAL: the database stays sound, only the
 * newest such commits may be rolled back). The next FULL commit (a crossing,
 * a delta's version) syncs the log up to and including it. Restored before
 * returning, so no other write ever runs unsynced.
 */
export function writeWithoutFsync<T>(db: Database, write: () => T): T {
  db.pragma('synchronous = NORMAL');
  try {
    return write();
  } finally {
    db.pragma('synchronous = FULL');
  }
}
