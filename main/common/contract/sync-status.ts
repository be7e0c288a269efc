import * as z from 'zod';

/**
 * The relay's state as the screens show it. idle: nothing to send; sending: a
 * batch is on its way; backoff: the last attempt failed and the next is at
 * nextAttemptAt; offline: central cannot be reached; blocked: central refuses
 * the appliance (a clock or key problem) and a person must act on `reason`.
 */
export const SyncState = z.enum(['idle', 'sending', 'backoff', 'offline', 'blocked']);
export type SyncState = z.infer<typeof SyncState>;

export const SyncStatus = z
  .object({
    state: SyncState,
    /** Failed attempts in a row (backoff, offline, blocked). */
    attempt: z.number().int().nonnegative(),
    nextAttemptAt: z.iso.datetime().nullable(),
    /** Why the relay is blocked or backing off, for a technician. */
    reason: z.string().max(300).nullable(),
    /** Items recorded here and not yet held by central. */
    backlog: z.number().int().nonnegative(),
    oldestUndeliveredAgeMs: z.number().nonnegative().nullable(),
    /** Items central acknowledged a second, over the last half minute; null while nothing was delivered in it. */
    drainPerSecond: z.number().nonnegative().nullable(),
    /** The largest backlog since it was last empty: with `backlog`, how far a drain has come. */
    backlogPeak: z.number().int().nonnegative(),
    deliveredThroughSeq: z.number().int().nonnegative(),
    lastAckAt: z.iso.datetime().nullable(),
    alarms: z
      .object({
        /** The oldest undelivered item is older than the delivery deadline: nothing is dropped, but someone must look. */
        staleBacklog: z.boolean(),
        /** The wall clock differs from central's Date header by this much, when beyond the tolerance. */
        clockSkewMs: z.number().nullable(),
        /** Items central rejected that are not yet requeued. */
        deadLetters: z.number().int().nonnegative(),
        /** A day whose count or digest differs between the appliance and central. */
        reconcileMismatch: z.string().max(200).nullable(),
        /** Why the last signed delta from central was refused (bad signature, invalid entries). */
        downlinkRefused: z.string().max(300).nullable(),
      })
      .strict(),
  })
  .strict();
export type SyncStatus = z.infer<typeof SyncStatus>;
