import type { OfficerAccount, OfficerSummary } from '../../main/common/contract/officers.js';
import type { Role } from '../../main/common/contract/roles.js';

/**
 * What the screen offers, mirroring the core's rules so that nobody is shown
 * a button that can only be refused: a supervisor manages guards; everything
 * else takes a technician. The core enforces these on every call.
 */
export function grantableRoles(actor: OfficerSummary): Role[] {
  return actor.roles.includes('technician') ? ['guard', 'supervisor', 'technician'] : ['guard'];
}

export function canManage(actor: OfficerSummary, account: OfficerAccount): boolean {
  if (actor.roles.includes('technician')) return true;
  return account.roles.every((role) => role === 'guard');
}
