import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { AuditTrail } from '../audit/audit-trail.js';
import { AuthService, DEFAULT_AUTH_POLICY, FIRST_TECHNICIAN_ID, type AuthPolicy } from '../auth/auth-service.js';
import { OfficerStore } from '../auth/officer-store.js';
import { writeFileDurably } from '../fs/durable-write.js';
import type { Logger } from '../logging/logger.js';

/** A fresh appliance's first technician: their one-time PIN is in this file, readable only by its user. */
export const FIRST_TECHNICIAN_PIN_FILE = 'first-technician-pin.txt';

export interface SignInOptions {
  readonly db: Database;
  readonly audit: AuditTrail;
  readonly dataDir: string;
  readonly log: Logger;
  readonly policy?: AuthPolicy;
}

/**
 * Officers' sign-in, and on the very first start the first technician's
 * account, whose one-time PIN goes to a file in the data folder (deleted once
 * they have changed it).
 */
export async function openSignIn(options: SignInOptions): Promise<{ auth: AuthService; firstTechnicianPinFile: string | undefined }> {
  const { db, audit, dataDir, log } = options;
  const pinFile = path.join(dataDir, FIRST_TECHNICIAN_PIN_FILE);
  const auth = new AuthService(db, new OfficerStore(db), audit, () => new Date(), options.policy ?? DEFAULT_AUTH_POLICY, (officerId) => {
    if (officerId === FIRST_TECHNICIAN_ID) rmSync(pinFile, { force: true });
  });
  const firstTechnician = await auth.createFirstTechnician();
  if (firstTechnician === undefined) return { auth, firstTechnicianPinFile: undefined };
  writeFileDurably(
    pinFile,
    `Officer id: ${firstTechnician.officerId}\nOne-time PIN: ${firstTechnician.pin}\nSign in and change it; this file is deleted then.\n`,
  );
  log.info({ officerId: firstTechnician.officerId }, 'first start: technician account created; one-time PIN written to the data folder');
  return { auth, firstTechnicianPinFile: pinFile };
}
