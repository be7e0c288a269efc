import type { Database } from 'better-sqlite3';
import type { AuditAction, AuditEvent } from '../../common/contract/audit.js';
import type { OfficerAccount, OneTimePinIssued } from '../../common/contract/officers.js';
import type { Role } from '../../common/contract/roles.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { OfficerRecord, OfficerStore } from '../auth/officer-store.js';
import { hashPin, newOneTimePin } from '../auth/pin-hash.js';
import { ForbiddenError, InvalidRequestError, NotSignedInError } from '../errors/domain-errors.js';
import { auditedWrite } from '../store/audited-write.js';
import {
  checkKeepsATechnician,
  checkMayChange,
  checkMayCreate,
  checkMayGrant,
  checkNotSelf,
  normalRoles,
  sameRoles,
  type OfficerAuthority,
} from './officer-rules.js';

/** Who asks for a change: a signed-in officer, or someone at the appliance's own console (`sahman officers`). */
export type OfficerActor =
  | { readonly kind: 'officer'; readonly officerId: string }
  | { readonly kind: 'local-console'; readonly osUser: string };

export interface NewOfficer {
  readonly id: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
}

export interface OfficerChange {
  readonly id: string;
  readonly displayName?: string | undefined;
  readonly roles?: readonly Role[] | undefined;
}

/** The actor as the rules and the audit trail see them, read under the write lock. */
interface Acting {
  readonly authority: OfficerAuthority;
  /** The audit event's officer: null for the local console, which no account stands behind. */
  readonly officerId: string | null;
  /** Carried on each of the actor's events: the console says it acted, and for which OS user. */
  readonly details: AuditEvent['details'];
}

/** The audit trail holds at most this much of an OS user name. */
const MAX_OS_USER = 64;

function accountView(officer: OfficerRecord, now: Date): OfficerAccount {
  const { lockedUntil } = officer;
  return {
    id: officer.id,
    displayName: officer.displayName,
    roles: [...officer.roles],
    mustChangePin: officer.mustChangePin,
    active: officer.active,
    // A lockout that has run out is no lockout: the screen shows none.
    lockedUntil: lockedUntil !== null && lockedUntil > now.getTime() ? new Date(lockedUntil).toISOString() : null,
    createdAt: new Date(officer.createdAt).toISOString(),
  };
}

/**
 * Officer accounts: creation with a one-time PIN, names and roles, deactivation (never deletion:
 * records name officers), PIN resets. Every rule is enforced here, for the screens and the CLI
 * alike, and every change is audited in its own transaction, naming who made it. The actor's
 * account and the target are read under the write lock, so a rule never acts on a stale copy.
 */
export class OfficerService {
  constructor(
    private readonly db: Database,
    private readonly officers: OfficerStore,
    private readonly audit: AuditTrail,
    private readonly now: () => Date,
  ) {}

  list(): OfficerAccount[] {
    const now = this.now();
    return this.officers.list().map((officer) => accountView(officer, now));
  }

  async create(actor: OfficerActor, request: NewOfficer): Promise<OneTimePinIssued> {
    const roles = normalRoles(request.roles);
    const oneTimePin = newOneTimePin();
    // Hashed before the transaction, which must not hold the write lock through a slow scrypt.
    const pinHash = await hashPin(oneTimePin);
    const officer = this.change(actor, (acting, at) => {
      checkMayCreate(acting.authority, roles);
      const existing = this.officers.find(request.id);
      if (existing !== undefined) {
        const state = existing.active ? '' : ' (deactivated: reactivate it instead)';
        throw new InvalidRequestError(`an officer with the id ${request.id} already exists${state}; ids are never reused, because records name them`);
      }
      this.officers.create({ id: request.id, displayName: request.displayName, roles, pinHash, mustChangePin: true }, at);
      this.record(acting, 'officer-create', request.id, at, { roles: roles.join(',') });
      return this.target(request.id);
    });
    return { officer: accountView(officer, this.now()), oneTimePin };
  }

  update(actor: OfficerActor, request: OfficerChange): OfficerAccount {
    const officer = this.change(actor, (acting, at) => {
      const target = this.target(request.id);
      checkMayChange(acting.authority, target);
      const roles = normalRoles(request.roles ?? target.roles);
      const rolesChanged = !sameRoles(roles, target.roles);
      const nameChanged = request.displayName !== undefined && request.displayName !== target.displayName;
      if (!rolesChanged && !nameChanged) return target;
      if (rolesChanged) {
        checkMayGrant(acting.authority, roles);
        checkKeepsATechnician(target, { active: target.active, roles }, this.officers.countActiveWith('technician'));
      }
      this.officers.update(target.id, { displayName: request.displayName ?? target.displayName, roles });
      // The trail names officers by id; a display name is personal, so only its change is noted.
      this.record(acting, 'officer-update', target.id, at, { ...(rolesChanged ? { roles: roles.join(',') } : {}), ...(nameChanged ? { displayNameChanged: true } : {}) });
      return this.target(target.id);
    });
    return accountView(officer, this.now());
  }

  setActive(actor: OfficerActor, request: { readonly id: string; readonly active: boolean }): OfficerAccount {
    const officer = this.change(actor, (acting, at) => {
      const target = this.target(request.id);
      checkMayChange(acting.authority, target);
      if (target.active === request.active) return target;
      if (!request.active) {
        checkNotSelf(acting.officerId, target);
        checkKeepsATechnician(target, { active: false, roles: target.roles }, this.officers.countActiveWith('technician'));
      }
      this.officers.setActive(target.id, request.active);
      this.record(acting, request.active ? 'officer-reactivate' : 'officer-deactivate', target.id, at);
      return this.target(target.id);
    });
    return accountView(officer, this.now());
  }

  /** A new one-time PIN, and the lockout lifted: for an officer who forgot theirs. */
  async resetPin(actor: OfficerActor, request: { readonly id: string }): Promise<OneTimePinIssued> {
    const oneTimePin = newOneTimePin();
    const pinHash = await hashPin(oneTimePin);
    const officer = this.change(actor, (acting, at) => {
      const target = this.target(request.id);
      checkMayChange(acting.authority, target);
      this.officers.resetPin(target.id, pinHash);
      this.record(acting, 'pin-reset', target.id, at);
      return this.target(target.id);
    });
    return { officer: accountView(officer, this.now()), oneTimePin };
  }

  private change<T>(actor: OfficerActor, act: (acting: Acting, at: Date) => T): T {
    return auditedWrite(this.db, () => act(this.acting(actor), this.now()));
  }

  private acting(actor: OfficerActor): Acting {
    if (actor.kind === 'local-console') {
      return { authority: 'technician', officerId: null, details: { console: 'local', osUser: actor.osUser.slice(0, MAX_OS_USER) } };
    }
    // Read again here, not taken from the session: the account may have changed since sign-in.
    const officer = this.officers.find(actor.officerId);
    if (officer?.active !== true) throw new NotSignedInError('your account is no longer active; sign in again');
    const authority = officer.roles.includes('technician') ? 'technician' : officer.roles.includes('supervisor') ? 'supervisor' : undefined;
    if (authority === undefined) throw new ForbiddenError('managing officers takes the supervisor or technician role');
    return { authority, officerId: officer.id, details: {} };
  }

  private target(id: string): OfficerRecord {
    const officer = this.officers.find(id);
    if (officer === undefined) throw new InvalidRequestError(`no officer with the id ${id}`);
    return officer;
  }

  private record(acting: Acting, action: AuditAction, targetOfficerId: string, at: Date, details: AuditEvent['details'] = {}): void {
    this.audit.append({ action, officerId: acting.officerId, at, details: { ...acting.details, targetOfficerId, ...details } });
  }
}
