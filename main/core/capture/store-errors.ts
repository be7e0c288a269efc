import { CoreError } from '../rpc/core-error.js';
import { storageFailure } from '../store/storage-failure.js';

/** The message the guard must see when a record could not be written: it was NOT kept, and why. */
export function recordNotKept(error: unknown): CoreError {
  const why = storageFailure(error);
  if (why === undefined) throw error;
  return new CoreError('unavailable', `NOT RECORDED: ${why}. Keep the document and call a technician; reading still works.`);
}
