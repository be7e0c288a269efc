import type { Database } from 'better-sqlite3';
import { defaultConfig, type ApplianceConfig } from '../../common/contract/config.js';
import type { OfficerSummary } from '../../common/contract/officers.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import { AccountLockedError, InvalidRequestError, NotSignedInError, WrongCredentialsError } from '../errors/domain-errors.js';
import { auditedWrite } from '../store/audited-write.js';
import { hashPin, newOneTimePin, verifyPin } from './pin-hash.js';
import type { OfficerRecord, OfficerStore } from './officer-store.js';
import { UnknownIdAttempts, type AttemptState } from './unknown-id-attempts.js';

export interface AuthPolicy {
  /** Failed PINs in a row before the account locks. */
  readonly maxFailures: number;
  readonly lockoutMs: number;
  /** A signed-in session locks after this long without a role-guarded call; the officer resumes with their PIN. */
  readonly idleLockMs: number;
}

/** The policy the config's `session` section sets. */
export function authPolicyOf(session: ApplianceConfig['session']): AuthPolicy {
  return { maxFailures: session.maxWrongPins, lockoutMs: session.lockoutMinutes * 60_000, idleLockMs: session.idleLockSeconds * 1000 };
}

export const DEFAULT_AUTH_POLICY: AuthPolicy = authPolicyOf(defaultConfig('default').session);

export const FIRST_TECHNICIAN_ID = 'technician';

function summary(officer: OfficerRecord): OfficerSummary {
  return { id: officer.id, displayName: officer.displayName, roles: [...officer.roles], mustChangePin: officer.mustChangePin };
}

/** Which screen asked for the PIN: the sign-in, or the lock screen of a session. */
type PinStep = 'login' | 'unlock';

/**
 * Signs officers in and out, locks and unlocks their sessions and changes PINs,
 * with lockout after repeated failures. Every outcome is an audit event written
 * in the same transaction as the account change it goes with.
 */
export class AuthService {
  /** Compared against when the officer id is unknown, so a wrong id costs as long as a wrong PIN. */
  private decoyHash: Promise<string> | undefined;
  private readonly unknownIds = new UnknownIdAttempts();

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
    if (officer?.active !== true) return this.refuseUnknownId(officerId, pin);
    await this.checkPin(officer, pin, 'login');
    auditedWrite(this.db, () => {
      this.officers.recordSuccess(officer.id);
      this.audit.append({ action: 'login', officerId: officer.id, at: this.now() });
    });
    return summary(officer);
  }

  /** Resumes a locked session: the same officer's PIN, counted towards the lockout exactly as at sign-in. */
  async unlock(officerId: string, pin: string): Promise<OfficerSummary> {
    const officer = this.officers.find(officerId);
    if (officer?.active !== true) throw new NotSignedInError('this account is no longer active: sign in again');
    await this.checkPin(officer, pin, 'unlock');
    auditedWrite(this.db, () => {
      this.officers.recordSuccess(officer.id);
      this.audit.append({ action: 'unlock', officerId: officer.id, at: this.now() });
    });
    return summary(officer);
  }

  /** The account as it is now, for a session signed in earlier; undefined once it is deactivated. */
  currentOfficer(officerId: string): OfficerSummary | undefined {
    const officer = this.officers.find(officerId);
    return officer?.active === true ? summary(officer) : undefined;
  }

  logout(officerId: string, reason: 'requested' | 'replaced'): void {
    this.writeAudit('logout', officerId, { reason });
  }

  lock(officerId: string, reason: 'requested' | 'idle'): void {
    this.writeAudit('lock', officerId, { reason });
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

  /** Refuses a locked account or a wrong PIN, counting the failure; resolves when the PIN is right. */
  private async checkPin(officer: OfficerRecord, pin: string, step: PinStep): Promise<void> {
    const at = this.now();
    if (officer.lockedUntil !== null && officer.lockedUntil > at.getTime()) {
      this.writeAudit('login-failed', officer.id, { reason: 'locked', step });
      throw lockedError(officer.lockedUntil);
    }
    if (await verifyPin(pin, officer.pinHash)) return;
    const failure = auditedWrite(this.db, () => {
      // Read again under the write lock: two wrong PINs at once must count as two.
      const failure = this.nextFailure(this.officers.find(officer.id) ?? officer, this.now());
      this.officers.recordFailure(officer.id, failure.state.failedAttempts, failure.state.lockedUntil);
      this.audit.append({ action: 'login-failed', officerId: officer.id, at, details: { reason: failure.locks ? 'wrong-pin-locked' : 'wrong-pin', failures: failure.failures, step } });
      return failure;
    });
    throw this.failureError(failure, step === 'login' ? 'wrong officer id or PIN' : 'wrong PIN');
  }

  /**
   * An id no active account has answers exactly what an account would, tries
   * left and lockout included (see UnknownIdAttempts): the screen may show both
   * without telling anyone which ids exist.
   */
  private async refuseUnknownId(officerId: string, pin: string): Promise<never> {
    const at = this.now();
    const state = this.unknownIds.get(officerId);
    // Before the hash, as for a locked account: both answer at once.
    if (state.lockedUntil !== null && state.lockedUntil > at.getTime()) {
      this.writeAudit('login-failed', null, { reason: 'unknown-officer' });
      throw lockedError(state.lockedUntil);
    }
    this.decoyHash ??= hashPin('000000');
    await verifyPin(pin, await this.decoyHash);
    const failure = this.nextFailure(this.unknownIds.get(officerId), at);
    this.writeAudit('login-failed', null, { reason: 'unknown-officer' });
    this.unknownIds.set(officerId, failure.state);
    throw this.failureError(failure, 'wrong officer id or PIN');
  }

  private nextFailure(state: AttemptState, at: Date): { failures: number; locks: boolean; state: AttemptState } {
    const failures = state.failedAttempts + 1;
    const locks = failures >= this.policy.maxFailures;
    // A lockout starts the count again, so that its end gives the full number of tries.
    return { failures, locks, state: locks ? { failedAttempts: 0, lockedUntil: at.getTime() + this.policy.lockoutMs } : { failedAttempts: failures, lockedUntil: null } };
  }

  private failureError(failure: { failures: number; locks: boolean; state: AttemptState }, wrong: string): Error {
    if (failure.locks && failure.state.lockedUntil !== null) {
      return new AccountLockedError(
        `too many wrong PINs: this account is locked for ${String(Math.round(this.policy.lockoutMs / 60_000))} minutes`,
        new Date(failure.state.lockedUntil),
      );
    }
    return new WrongCredentialsError(wrong, this.policy.maxFailures - failure.failures);
  }

  private writeAudit(action: 'login-failed' | 'logout' | 'lock', officerId: string | null, details: Record<string, string | number>): void {
    auditedWrite(this.db, () => {
      this.audit.append({ action, officerId, at: this.now(), details });
    });
  }
}

function lockedError(lockedUntil: number): AccountLockedError {
  const until = new Date(lockedUntil);
  return new AccountLockedError(`this account is locked after repeated wrong PINs until ${until.toISOString()}; a supervisor can help`, until);
}
