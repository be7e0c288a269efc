import type * as z from 'zod';
import { DocumentListEntry } from '../contract/alert-lists.js';
import { documentEntryId, parseDocumentEntryId } from './document-number.js';

export type DocumentEntryRef = Pick<DocumentListEntry, 'issuingState' | 'number' | 'documentType'>;

/**
 * One change of a document-list delta, read as central checks it before
 * publishing and as the appliance checks it on arrival: an entry filed under
 * its own id, or the removal of an entry named by its id.
 */
export type DocumentChange =
  | { readonly ok: true; readonly upsert: DocumentListEntry }
  | { readonly ok: true; readonly remove: DocumentEntryRef }
  | { readonly ok: false; readonly problem: 'not-an-id' }
  | { readonly ok: false; readonly problem: 'invalid'; readonly error: z.ZodError }
  | { readonly ok: false; readonly problem: 'misfiled'; readonly ownId: string };

export function readDocumentChange(change: { readonly key: string; readonly value: unknown }): DocumentChange {
  if (change.value === null) {
    const named = parseDocumentEntryId(change.key);
    return named === undefined ? { ok: false, problem: 'not-an-id' } : { ok: true, remove: named };
  }
  const entry = DocumentListEntry.safeParse(change.value);
  if (!entry.success) return { ok: false, problem: 'invalid', error: entry.error };
  const ownId = documentEntryId(entry.data);
  return ownId === change.key ? { ok: true, upsert: entry.data } : { ok: false, problem: 'misfiled', ownId };
}
