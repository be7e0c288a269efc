import * as z from 'zod';
import { SyncedItemKind } from './synced-item-kind.js';

/** An item central refused to keep, as supervisors and technicians review it. */
export const DeadLetter = z
  .object({
    seq: z.number().int().positive(),
    kind: SyncedItemKind,
    reason: z.string(),
    rejectedAt: z.iso.datetime(),
    /** The seq it was sent again under, once requeued. */
    requeuedAs: z.number().int().positive().nullable(),
  })
  .strict();
export type DeadLetter = z.infer<typeof DeadLetter>;
