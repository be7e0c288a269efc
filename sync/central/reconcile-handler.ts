import * as z from 'zod';
import { ReconcileDay } from '../protocol/wire.js';
import type { ItemStore } from './item-store.js';
import type { RegisteredKey } from './key-registry.js';
import { refuse, replyWith, type Reply } from './replies.js';

const ReconcileQuery = z.object({ day: z.iso.date() });

/** GET …/reconcile?day=YYYY-MM-DD: what central holds of this key's stream for one UTC day of item time. */
export function handleReconcile(items: ItemStore, key: RegisteredKey, query: URLSearchParams): Reply {
  const parsed = ReconcileQuery.safeParse({ day: query.get('day') ?? undefined });
  // invalid_batch is the protocol's one code for a malformed request, a query included.
  if (!parsed.success) throw refuse(400, 'invalid_batch', 'day: a date, YYYY-MM-DD');
  const { count, digest } = items.day(key, parsed.data.day);
  return replyWith(200, ReconcileDay, { day: parsed.data.day, count, digest });
}
