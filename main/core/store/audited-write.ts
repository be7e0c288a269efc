import type { Database } from 'better-sqlite3';
import { UnavailableError } from '../errors/domain-errors.js';
import { storageFailure } from './storage-failure.js';

/**
 * One write transaction (BEGIN IMMEDIATE, so the audit chain's head is read under the write lock)
 * for an officer action and its audit event. A storage failure becomes a clear UnavailableError:
 * an officer action that cannot be audited does not happen. Any other error passes unchanged.
 */
export function auditedWrite<T>(db: Database, change: () => T): T {
  try {
    return db.transaction(change).immediate();
  } catch (error) {
    const why = storageFailure(error);
    if (why === undefined) throw error;
    throw new UnavailableError(`cannot record this now: ${why}; call a technician`);
  }
}
