import { Role } from '../../common/contract/roles.js';
import type { OfficerRecord } from '../auth/officer-store.js';
import { ForbiddenError, InvalidRequestError } from '../errors/domain-errors.js';

/**
 * How far an actor may manage accounts: a technician (or the local console) any account, a
 * supervisor guards only, because supervisor and technician accounts carry the powers that
 * oversee supervisors themselves.
 */
export type OfficerAuthority = 'technician' | 'supervisor';

/** Roles in the contract's order, so the stored list, the audit text and comparisons agree. */
export function normalRoles(roles: readonly Role[]): Role[] {
  return Role.options.filter((role) => roles.includes(role));
}

export function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return normalRoles(a).join(',') === normalRoles(b).join(',');
}

function isGuardOnly(roles: readonly Role[]): boolean {
  return roles.length === 1 && roles[0] === 'guard';
}

export function checkMayCreate(authority: OfficerAuthority, roles: readonly Role[]): void {
  if (authority === 'supervisor' && !isGuardOnly(roles)) {
    throw new ForbiddenError('a supervisor may create guards only; an account with the supervisor or technician role takes a technician');
  }
}

/** Renaming, roles, deactivation and PIN resets alike: a supervisor touches guard-only accounts. */
export function checkMayChange(authority: OfficerAuthority, target: OfficerRecord): void {
  if (authority === 'supervisor' && !isGuardOnly(target.roles)) {
    throw new ForbiddenError(`${target.id} holds the ${normalRoles(target.roles).join(' and ')} role; only a technician may change this account`);
  }
}

export function checkMayGrant(authority: OfficerAuthority, roles: readonly Role[]): void {
  if (authority === 'supervisor' && !isGuardOnly(roles)) {
    throw new ForbiddenError('granting the supervisor or technician role takes a technician');
  }
}

/**
 * Someone must always be able to manage readers, the central link and officers: the last active
 * technician can be neither deactivated nor stripped of the role, not even from the local console.
 */
export function checkKeepsATechnician(target: OfficerRecord, after: { readonly active: boolean; readonly roles: readonly Role[] }, activeTechnicians: number): void {
  const isTechnician = target.active && target.roles.includes('technician');
  const staysTechnician = after.active && after.roles.includes('technician');
  if (isTechnician && !staysTechnician && activeTechnicians <= 1) {
    throw new InvalidRequestError(`${target.id} is the last active technician; make another officer a technician first`);
  }
}

/**
 * Deactivation is always someone else's decision: the trail then names a second officer, and
 * nobody locks themselves out by mistake (a deactivated officer cannot sign in to undo it).
 */
export function checkNotSelf(actorId: string | null, target: OfficerRecord): void {
  if (actorId === target.id) {
    throw new InvalidRequestError('you cannot deactivate your own account: another supervisor or technician must do it, so the audit trail names a second officer and nobody locks themselves out');
  }
}
