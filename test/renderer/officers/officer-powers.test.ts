import { describe, expect, it } from 'vitest';
import type { OfficerAccount, OfficerSummary } from '../../../main/common/contract/officers.js';
import { canManage, grantableRoles } from '../../../renderer/officers/officer-powers.js';

const supervisor: OfficerSummary = { id: 'uto-super-1', displayName: 'Officer Utopia Super', roles: ['supervisor'], mustChangePin: false };
const technician: OfficerSummary = { id: 'uto-tech-1', displayName: 'Officer Utopia Tech', roles: ['technician'], mustChangePin: false };

function account(roles: OfficerAccount['roles']): OfficerAccount {
  return { id: 'uto-someone', displayName: 'Officer Utopia Someone', roles, mustChangePin: false, active: true, lockedUntil: null, createdAt: '2026-12-07T00:00:00.000Z' };
}

describe('what the officers screen offers, mirroring the core’s rules', () => {
  it('lets a supervisor grant only the guard role, a technician every role', () => {
    expect(grantableRoles(supervisor)).toEqual(['guard']);
    expect(grantableRoles(technician)).toEqual(['guard', 'supervisor', 'technician']);
  });

  it('shows a supervisor the actions on guard-only accounts alone', () => {
    expect(canManage(supervisor, account(['guard']))).toBe(true);
    expect(canManage(supervisor, account(['guard', 'supervisor']))).toBe(false);
    expect(canManage(supervisor, account(['technician']))).toBe(false);
    expect(canManage(technician, account(['technician']))).toBe(true);
  });
});
