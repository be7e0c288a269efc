import { describe, expect, it } from 'vitest';
import type { Role } from '../../../../main/common/contract/roles.js';
import type { OfficerRecord } from '../../../../main/core/auth/officer-store.js';
import { checkKeepsATechnician, checkMayChange, checkMayGrant, normalRoles, sameRoles } from '../../../../main/core/officers/officer-rules.js';

function account(roles: readonly Role[], active = true): OfficerRecord {
  return { id: 'uto-officer-1', displayName: 'Officer Utopia One', roles, pinHash: 'scrypt$x', mustChangePin: false, failedAttempts: 0, lockedUntil: null, active, createdAt: 0 };
}

describe('officer rules', () => {
  it('keeps roles in one order, so a reordered list is no change', () => {
    expect(normalRoles(['technician', 'guard'])).toEqual(['guard', 'technician']);
    expect(sameRoles(['supervisor', 'guard'], ['guard', 'supervisor'])).toBe(true);
    expect(sameRoles(['guard'], ['guard', 'supervisor'])).toBe(false);
  });

  it('refuses a supervisor any account beyond a guard, and any grant beyond guard', () => {
    expect(() => checkMayChange('supervisor', account(['guard']))).not.toThrow();
    expect(() => checkMayChange('supervisor', account(['guard', 'supervisor']))).toThrow(expect.objectContaining({ kind: 'forbidden' }));
    expect(() => checkMayGrant('supervisor', ['guard', 'supervisor'])).toThrow(expect.objectContaining({ kind: 'forbidden' }));
    expect(() => checkMayChange('technician', account(['technician']))).not.toThrow();
    expect(() => checkMayGrant('technician', ['technician'])).not.toThrow();
  });

  it('protects the last active technician only when the change would take them away', () => {
    const technician = account(['technician']);
    expect(() => checkKeepsATechnician(technician, { active: false, roles: ['technician'] }, 1)).toThrow(/last active technician/);
    expect(() => checkKeepsATechnician(technician, { active: true, roles: ['guard'] }, 1)).toThrow(/last active technician/);
    expect(() => checkKeepsATechnician(technician, { active: true, roles: ['guard', 'technician'] }, 1)).not.toThrow();
    expect(() => checkKeepsATechnician(technician, { active: false, roles: ['technician'] }, 2)).not.toThrow();
    // An inactive technician is no technician to keep: a data folder without an active one can still be changed.
    expect(() => checkKeepsATechnician(account(['technician'], false), { active: false, roles: ['guard'] }, 0)).not.toThrow();
  });
});
