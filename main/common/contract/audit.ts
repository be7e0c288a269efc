import * as z from 'zod';
import { OpenCode } from './open-code.js';

/** What an officer did; every one of these is written to the audit trail, and the list grows between releases. */
export const AuditAction = z.enum(['login', 'logout', 'login-failed', 'scan', 'decision', 'void', 'config-change', 'export', 'pin-change', 'retention-purge', 'requeue', 'lock', 'unlock', 'officer-create', 'officer-update', 'officer-deactivate', 'officer-reactivate', 'pin-reset', 'alert-hit', 'alert-acknowledge', 'alert-override', 'alert-review', 'referral-take', 'referral-resolve']);
export type AuditAction = z.infer<typeof AuditAction>;

/**
 * One audit event as hashed into the chain. It names records by id, never by a
 * traveller's data: the trail is read by people who need not see documents.
 */
export const AuditEvent = z
  .object({
    v: z.literal(1),
    id: z.uuid(),
    chainIndex: z.number().int().positive(),
    seq: z.number().int().positive(),
    at: z.iso.datetime(),
    /** Open: the trail of a newer release still verifies, and still syncs to a central that does not know the action. */
    action: OpenCode,
    officerId: z.string().min(1).max(64).nullable(),
    applianceId: z.string().min(1).max(64),
    /** Ids and codes only (record ids, reader ids, reason codes, counts). */
    details: z.record(z.string(), z.union([z.string().max(200), z.number(), z.boolean(), z.null()])),
  })
  .strict();
export type AuditEvent = z.infer<typeof AuditEvent>;
