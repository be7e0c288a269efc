import type { Role } from '../../main/common/contract/roles.js';

/** The screens an officer can switch between; each belongs to the roles that use it. */
export const SCREENS = ['lane', 'second-line', 'shift', 'audit', 'readers', 'central-link', 'diagnostics', 'officers', 'status'] as const;
export type ScreenName = (typeof SCREENS)[number];

const SCREEN_ROLES: Readonly<Record<ScreenName, readonly Role[]>> = {
  lane: ['guard'],
  'second-line': ['supervisor'],
  shift: ['supervisor'],
  audit: ['supervisor', 'technician'],
  readers: ['technician'],
  'central-link': ['technician'],
  diagnostics: ['technician'],
  officers: ['supervisor', 'technician'],
  status: ['technician', 'supervisor'],
};

/** The screens of the officer's roles, in navigation order. The core enforces the same rules on every call. */
export function screensFor(roles: readonly Role[]): ScreenName[] {
  return SCREENS.filter((screen) => SCREEN_ROLES[screen].some((role) => roles.includes(role)));
}
