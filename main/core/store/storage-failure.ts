/**
 * Why a write to the database failed, in words a guard or technician can act
 * on; undefined when the error is not a storage failure (a bug, to be reported
 * as such). SQLite rolls the transaction back, so nothing partial remains.
 */
export function storageFailure(error: unknown): string | undefined {
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : '';
  if (code.startsWith('SQLITE_FULL')) return 'the disk is full';
  if (code.startsWith('SQLITE_READONLY')) return 'the database is read-only';
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) return 'the database is damaged';
  if (code.startsWith('SQLITE_IOERR')) return 'the disk reported an error';
  if (code.startsWith('SQLITE_BUSY')) return 'the database is busy';
  return undefined;
}
