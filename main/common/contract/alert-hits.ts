import * as z from 'zod';
import { AlertHitRef } from './crossing.js';
import { DocumentHit, PersonAction, PersonHit } from './alert-lists.js';

/** What a hit shows, whatever its list: the listed document with how it matched, or the listed person with the score and why. */
export const HitSubject = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('document'), hit: DocumentHit }),
  z.object({ kind: z.literal('person'), hit: PersonHit }),
]);
export type HitSubject = z.infer<typeof HitSubject>;

/**
 * One hit of an assessment. Its id is stable (the list and the entry id), so
 * the guard, the supervisor and the audit trail name the same hit. A listed
 * document acts as `refer`; a listed person carries its entry's action.
 */
export const AlertHit = z.object({
  id: z.string().min(1).max(130),
  list: AlertHitRef.shape.list,
  /** The list's version when the hit was found; 0 when it was not known. */
  version: z.number().int().nonnegative(),
  entryId: AlertHitRef.shape.entryId,
  how: AlertHitRef.shape.how,
  action: PersonAction,
  subject: HitSubject,
});
export type AlertHit = z.infer<typeof AlertHit>;

/** Who did something to a hit, and when. */
export const HitActor = z.object({ officerId: z.string(), at: z.iso.datetime() });
export type HitActor = z.infer<typeof HitActor>;

export const OverrideReason = z.string().trim().min(10).max(300);

/** A supervisor's override of the hold a refer or arrest hit puts on an assessment. */
export const HitOverride = HitActor.extend({ reason: OverrideReason });
export type HitOverride = z.infer<typeof HitOverride>;

/**
 * What the hits of an assessment allow: `none` (no hit, or an acknowledged
 * `inform`, or an override), `acknowledge` (the guard has not acknowledged
 * them: no decision), `refer` (a refer or arrest hit stands: refer only).
 */
export const HitHoldKind = z.enum(['none', 'acknowledge', 'refer']);
export type HitHoldKind = z.infer<typeof HitHoldKind>;

/** What the guard and a supervisor did about an assessment's hits: null until they did. */
const HitResponses = { acknowledged: HitActor.nullable(), override: HitOverride.nullable() };

export const HitHold = z.object({ assessmentId: z.uuid(), hold: HitHoldKind, hits: z.array(AlertHit), ...HitResponses });
export type HitHold = z.infer<typeof HitHold>;

/**
 * Where an open hit stands: `at-lane` (its assessment waits for the guard's
 * decision), `undecided` (the assessment was forgotten or the core restarted
 * before a decision: nothing was recorded), `referred` (recorded as a
 * referral to second line).
 */
export const OpenHitState = z.enum(['at-lane', 'undecided', 'referred']);
export type OpenHitState = z.infer<typeof OpenHitState>;

/** A hit awaiting a supervisor, as their queue lists it. */
export const OpenHit = z.object({
  assessmentId: z.uuid(),
  hit: AlertHit,
  raisedAt: z.iso.datetime(),
  lane: z.number().int(),
  state: OpenHitState,
  crossingId: z.uuid().nullable(),
  ...HitResponses,
});
export type OpenHit = z.infer<typeof OpenHit>;

/** A supervisor's finding that closes a hit: the traveller or document is the listed one, or it was a false match. */
export const HitFinding = z.enum(['confirmed', 'false-match']);
export type HitFinding = z.infer<typeof HitFinding>;

export const HitReview = z
  .object({
    assessmentId: z.uuid(),
    hitId: AlertHit.shape.id,
    finding: HitFinding,
    note: z.string().trim().max(300).default(''),
  })
  .strict()
  // Setting a hit aside overrides the list: like an override at the lane, it takes a reason.
  .refine((review) => review.finding !== 'false-match' || review.note.length >= 10, { path: ['note'], error: 'a false match needs the reason, 10 to 300 characters' });
