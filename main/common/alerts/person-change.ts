import type * as z from 'zod';
import { PersonListEntry } from '../contract/alert-lists.js';

/**
 * One change of a person-list delta, read as central checks it before
 * publishing and as the appliance checks it on arrival: an entry filed under
 * its own id, or the removal of the entry with that id.
 */
export type PersonChange =
  | { readonly ok: true; readonly upsert: PersonListEntry }
  | { readonly ok: true; readonly remove: string }
  | { readonly ok: false; readonly problem: 'invalid'; readonly error: z.ZodError }
  | { readonly ok: false; readonly problem: 'misfiled'; readonly ownId: string };

export function readPersonChange(change: { readonly key: string; readonly value: unknown }): PersonChange {
  if (change.value === null) return { ok: true, remove: change.key };
  const entry = PersonListEntry.safeParse(change.value);
  if (!entry.success) return { ok: false, problem: 'invalid', error: entry.error };
  return entry.data.id === change.key ? { ok: true, upsert: entry.data } : { ok: false, problem: 'misfiled', ownId: entry.data.id };
}
