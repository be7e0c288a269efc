import type { DocumentListEntry } from '../contract/alert-lists.js';
import { digitConfusedWith } from '../icao/confusions.js';

/**
 * Listed document numbers and the numbers a reader delivers meet on a folded
 * key: fillers and spaces dropped, letters upper-cased, and each letter that
 * the MRZ engine knows OCR confuses with a digit in OCR-B replaced by that
 * digit (O and D by 0, I by 1, Z by 2, S by 5, G by 6, B by 8). A worn document
 * read as L898902C3 or L8989O2C3 then finds the same entry; the hit says
 * whether the number was the listed one exactly or only OCR-equivalent, so the
 * guard knows which.
 */

/** Letters and digits as printed: fillers, spaces and dashes dropped, upper case. */
export function printedNumber(number: string): string {
  return number.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** The OCR-folded form of a document number. */
export function foldedNumber(number: string): string {
  let folded = '';
  for (const character of printedNumber(number)) folded += digitConfusedWith(character.charCodeAt(0)) ?? character;
  return folded;
}

/** Germany's one-letter code is written `D<<` in a zone and `D` in lists: both become `D`. */
export function stateCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z]/g, '');
}

/** The key a listed document is stored and looked up under: issuing state and folded number. */
export function documentKey(issuingState: string, number: string): string {
  return `${stateCode(issuingState)}:${foldedNumber(number)}`;
}

/** The entry's identity within the list, and the key of its changes in a delta: two entries with the same state, number and type are one. */
export function documentEntryId(entry: Pick<DocumentListEntry, 'issuingState' | 'number' | 'documentType'>): string {
  return `${stateCode(entry.issuingState)}:${printedNumber(entry.number)}:${stateCode(entry.documentType)}`;
}

/** The entry an id names, for a removal in a delta; undefined when the text is no entry id. */
export function parseDocumentEntryId(id: string): Pick<DocumentListEntry, 'issuingState' | 'number' | 'documentType'> | undefined {
  const match = /^([A-Z]{1,3}):([A-Z0-9]{1,30}):([A-Z]{0,2})$/.exec(id);
  if (match === null) return undefined;
  const [, issuingState = '', number = '', documentType = ''] = match;
  return { issuingState, number, documentType };
}
