import type { Database } from 'better-sqlite3';
import type { OfficerSummary } from '../../common/contract/officers.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import { AccountLockedError, InvalidRequestError, NotSignedInError, WrongCredentialsError } from '../errors/domain-errors.js';
import { auditedWrite } from '../store/audited-write.js';
import { hashPin, newOneTimePin, verifyPin } from './pin-hash.js';
import type { OfficerRecord, OfficerStore } from './officer-store.js';

export interface AuthPolicy {
  /** Failed PINs in a row before the account locks. */
  readonly maxFailures: number;
  readonly lockoutMs: number;
  /** A signed-in session ends after this long without a call. */
  readonly idleTimeoutMs: number;
}

export const DEFAULT_AUTH_POLICY: AuthPolicy = { maxFailures: 5, lockoutMs: 5 * 60_000, idleTimeoutMs: 15 * 60_000 };

export const FIRST_TECHNICIAN_ID = 'technician';

function summary(officer: OfficerRecord): OfficerSummary {
  return { id: officer.id, displayName: officer.displayName, roles: [...officer.roles], mustChangePin: officer.mustChangePin };
}

/**
 * Signs officers in and out and changes PINs, with lockout after repeated
 * failures. Every outcome is an audit event written in the same transaction
 * as the account change it goes with.
 */
export class AuthService {
  /** Compared against when the officer id is unknown, so a wrong id costs as long as a wrong PIN. */
  private decoyHash: Promise<string> | undefined;

  constructor(
    private readonly db: Database,
    private readonly officers: OfficerStore,
    private readonly audit: AuditTrail,
    private readonly now: () => Date,
    readonly policy: AuthPolicy = DEFAULT_AUTH_POLICY,
    /** Told after a PIN change commits (the core then deletes a one-time PIN file). */
    private readonly onPinChanged: (officerId: string) => void = () => undefined,
  ) {}

  async login(officerId: string, pin: string): Promise<OfficerSummary> {
    const officer = this.officers.find(officerId);
    if (officer?.active !== true) {
      this.decoyHash ??= hashPin('000000');
      await verifyPin(pin, await this.decoyHash);
      this.writeAudit('login-failed', null, { reason: 'unknown-officer' });
      throw new WrongCredentialsError('wrong officer id or PIN');
    }
    const at = this.now();
    if (officer.lockedUntil !== null && officer.lockedUntil > at.getTime()) {
      this.writeAudit('login-failed', officer.id, { reason: 'locked' });
      throw new AccountLockedError(`this account is locked after repeated wrong PINs until ${new Date(officer.lockedUntil).toISOString()}; a supervisor can help`);
    }
    if (!(await verifyPin(pin, officer.pinHash))) {
      const failures = officer.failedAttempts + 1;
      const locks = failures >= this.policy.maxFailures;
      auditedWrite(this.db, () => {
        this.officers.recordFailure(officer.id, locks ? 0 : failures, locks ? at.getTime() + this.policy.lockoutMs : null);
        this.audit.append({ action: 'login-failed', officerId: officer.id, at, details: { reason: locks ? 'wrong-pin-locked' : 'wrong-pin', failures } });
      });
      throw locks
        ? new AccountLockedError(`too many wrong PINs: this account is locked for ${String(Math.round(this.policy.lockoutMs / 60_000))} minutes`)
        : new WrongCredentialsError('wrong officer id or PIN');
    }
    auditedWrite(this.db, () => {
      this.officers.recordSuccess(officer.id);
      this.audit.append({ action: 'login', officerId: officer.id, at });
    });
    return summary(officer);
  }

  /** The account as it is now, for a session signed in earlier; undefined once it is deactivated. */
  currentOfficer(officerId: string): OfficerSummary | undefined {
    const officer = this.officers.find(officerId);
    return officer?.active === true ? summary(officer) : undefined;
  }

  logout(officerId: string, reason: 'requested' | 'idle'): void {
    this.writeAudit('logout', officerId, { reason });
  }

  async changePin(officerId: string, currentPin: string, newPin: string): Promise<OfficerSummary> {
    const officer = this.officers.find(officerId);
    if (officer === undefined) throw new NotSignedInError('sign in again');
    if (!(await verifyPin(currentPin, officer.pinHash))) throw new InvalidRequestError('the current PIN is wrong');
    if (newPin === currentPin) throw new InvalidRequestError('the new PIN must differ from the current one');
    const pinHash = await hashPin(newPin);
    auditedWrite(this.db, () => {
      this.officers.setPin(officer.id, pinHash);
      this.audit.append({ action: 'pin-change', officerId: officer.id, at: this.now() });
    });
    this.onPinChanged(officer.id);
    return { ...summary(officer), mustChangePin: false };
  }

  /** At first start (no officers at all): a technician who must change the returned one-time PIN. */
  async createFirstTechnician(): Promise<{ officerId: string; pin: string } | undefined> {
    if (this.officers.count() > 0) return undefined;
    const pin = newOneTimePin();
    const pinHash = await hashPin(pin);
    const created = this.db
      .transaction((): boolean => {
        // Checked again under the write lock: another process may have made it meanwhile.
        if (this.officers.count() > 0) return false;
        this.officers.create({ id: FIRST_TECHNICIAN_ID, displayName: 'Technician', roles: ['technician'], pinHash, mustChangePin: true }, this.now());
        return true;
      })
      .immediate();
    return created ? { officerId: FIRST_TECHNICIAN_ID, pin } : undefined;
  }

  private writeAudit(action: 'login-failed' | 'logout', officerId: string | null, details: Record<string, string | number>): void {
    auditedWrite(this.db, () => {
      this.audit.append({ action, officerId, at: this.now(), details });
    });
  }
}
