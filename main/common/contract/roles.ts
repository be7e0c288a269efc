import * as z from 'zod';

/** The officer roles; one officer may hold several. */
export const Role = z.enum(['guard', 'supervisor', 'technician']);
export type Role = z.infer<typeof Role>;

/**
 * Who may call a method: 'anyone' (including a kiosk with nobody signed in,
 * e.g. the status screen) or a signed-in officer holding one of the roles.
 */
export type Access = 'anyone' | readonly [Role, ...Role[]];
