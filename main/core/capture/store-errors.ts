import { CoreError } from '../rpc/core-error.js';

/**
 * Turns a failed write into the message the guard must see: the record was NOT
 * kept, and why. SQLite rolls the transaction back, so nothing partial remains.
 */
export function recordNotKept(error: unknown): CoreError {
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
  const why = code.startsWith('SQLITE_FULL')
    ? 'the disk is full'
    : code.startsWith('SQLITE_READONLY')
      ? 'the database is read-only'
      : code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')
        ? 'the database is damaged'
        : code.startsWith('SQLITE_IOERR')
          ? 'the disk reported an error'
          : code.startsWith('SQLITE_BUSY')
            ? 'the database is busy'
            : undefined;
  if (why === undefined) throw error;
  return new CoreError('unavailable', `NOT RECORDED: ${why}. Keep the document and call a technician; reading still works.`);
}
