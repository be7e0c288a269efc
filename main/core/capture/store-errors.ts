import { UnavailableError } from '../errors/domain-errors.js';
import { storageFailure } from '../store/storage-failure.js';

/** The message the guard must see when a record could not be written: it was NOT kept, and why. */
export function recordNotKept(error: unknown): UnavailableError {
  const why = storageFailure(error);
  if (why === undefined) throw error;
  return new UnavailableError(`NOT RECORDED: ${why}. Keep the document and call a technician; reading still works.`);
}
