import path from 'node:path';
import type { Role } from '../../main/common/contract/roles.js';
import { OfficerStore } from '../../main/core/auth/officer-store.js';
import { hashPin } from '../../main/core/auth/pin-hash.js';
import { openDatabase } from '../../main/core/db/open-database.js';
import { DATABASE_FILE_NAME } from '../../main/core/store/open-store.js';

/** Generated officers for tests; never real people. */
export interface TestOfficer {
  readonly id: string;
  readonly pin: string;
  readonly roles: readonly Role[];
  readonly mustChangePin?: boolean;
}

/**
 * Adds officers to a running appliance's database through a second connection
 * to the same file, as a supervisor's screen will later do through the core.
 */
export async function addOfficers(dataDir: string, officers: readonly TestOfficer[]): Promise<void> {
  const db = openDatabase(path.join(dataDir, DATABASE_FILE_NAME));
  try {
    const store = new OfficerStore(db);
    for (const officer of officers) {
      const pinHash = await hashPin(officer.pin, { N: 1 << 10, r: 8, p: 1 });
      store.create({ id: officer.id, displayName: `Officer ${officer.id}`, roles: officer.roles, pinHash, mustChangePin: officer.mustChangePin ?? false }, new Date());
    }
  } finally {
    db.close();
  }
}
