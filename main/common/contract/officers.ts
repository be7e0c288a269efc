import * as z from 'zod';
import { Role } from './roles.js';

export const OfficerId = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'lower-case letters, digits, dots, dashes; 2 to 32');
export type OfficerId = z.infer<typeof OfficerId>;

/** Digits only, so that it can be typed on a kiosk keypad; 6 to 12 of them. */
export const Pin = z.string().regex(/^\d{6,12}$/, '6 to 12 digits');

export const OfficerRoles = z.array(Role).min(1).max(3).refine((roles) => new Set(roles).size === roles.length, 'each role once');

/** An officer as the UI sees one: never the PIN hash. */
export const OfficerSummary = z.object({
  id: OfficerId,
  displayName: z.string().min(1).max(80),
  roles: OfficerRoles,
  mustChangePin: z.boolean(),
});
export type OfficerSummary = z.infer<typeof OfficerSummary>;

/** The name the screens show for an officer. */
export const OfficerName = z.string().trim().min(1).max(80);

/** An officer as the officers screen lists one: never deleted, only deactivated, because records name them. */
export const OfficerAccount = OfficerSummary.extend({
  active: z.boolean(),
  /** Sign-in refused until then after repeated wrong PINs; null when not locked. */
  lockedUntil: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type OfficerAccount = z.infer<typeof OfficerAccount>;

/** A new or reset account, with its one-time PIN: shown once, never stored in clear, changed at first sign-in. */
export const OneTimePinIssued = z.object({ officer: OfficerAccount, oneTimePin: Pin });
export type OneTimePinIssued = z.infer<typeof OneTimePinIssued>;

/** The sign-in state of one connection: who, and whether their screen is locked (they resume with their PIN). */
export const SessionView = z.object({ officer: OfficerSummary.nullable(), locked: z.boolean() });
export type SessionView = z.infer<typeof SessionView>;
