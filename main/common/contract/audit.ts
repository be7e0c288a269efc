import * as z from 'zod';
import { OpenCode } from './open-code.js';

/** What an officer did; every one of these is written to the audit trail, and the list grows between releases. */
export const AuditAction = z.enum(['login', 'logout', 'login-failed', 'scan', 'decision', 'void', 'config-change', 'export', 'pin-change', 'retention-purge', 'requeue', 'lock', 'unlock', 'officer-create', 'officer-update', 'officer-deactivate', 'officer-reactivate', 'pin-reset', 'alert-hit', 'alert-acknowledge', 'alert-override', 'alert-review', 'referral-take', 'referral-resolve', 'reader-save', 'reader-remove', 'reader-monitor', 'reader-test-scan', 'central-settings']);
export type AuditAction = z.infer<typeof AuditAction>;

/** What can break the audit chain, for a screen to say in its own language (the English, with particulars, beside it). */
export const AuditProblem = z.enum([
  'unreadable-row',
  'unreadable-event',
  'unanchored-start',
  'anchor-mismatch',
  'missing-event',
  'broken-link',
  'edited',
  'rehashed',
  'truncated',
  'orphan-seq',
  'foreign-checkpoint',
  'bad-signature',
  'not-json',
  'not-an-event',
  'not-canonical',
  'moved',
]);
export type AuditProblem = z.infer<typeof AuditProblem>;

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

/** Which events the supervisor's audit viewer asks for: newest first, before a chain index, within a period, by officer and action. */
export const AuditQuery = z
  .object({
    /** Only events before this chain index: the viewer's "older" page. */
    before: z.number().int().positive().optional(),
    since: z.iso.datetime().optional(),
    until: z.iso.datetime().optional(),
    officerId: z.string().min(1).max(64).optional(),
    action: OpenCode.optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type AuditQuery = z.infer<typeof AuditQuery>;

/** A stored event that no longer reads as an event: the viewer shows where, and the verifier says why. */
export const UnreadableAuditEvent = z.object({ chainIndex: z.number().int().positive(), unreadable: z.literal(true) });

export const AuditPage = z.object({
  events: z.array(z.union([AuditEvent, UnreadableAuditEvent])),
  /** Where to continue for older events; null when the trail has no more. */
  next: z.number().int().positive().nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;

/** The audit chain's verification, as `sahman audit verify` reports it, and when it ran. */
export const AuditVerificationView = z.object({
  intact: z.boolean(),
  events: z.number().int().nonnegative(),
  checkpoints: z.number().int().nonnegative(),
  firstBreak: z.object({ chainIndex: z.number().int().positive(), code: OpenCode.optional(), problem: z.string() }).nullable(),
  verifiedAt: z.iso.datetime(),
});
export type AuditVerificationView = z.infer<typeof AuditVerificationView>;
