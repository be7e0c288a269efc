import { MrzTraveller, PersonListEntry } from '../../main/common/contract/alert-lists.js';
import { soundSimilarity, type PartSimilarity } from '../../main/core/alerts/persons/part-similarity.js';
import { phoneticForms } from '../../main/core/alerts/persons/phonetic-form.js';

/**
 * Fictitious listed persons and travellers for the person matcher's tests
 * (state UTO, Doc 9303's Utopia; generated names): an entry or a traveller
 * from only the fields a test cares about, read through the contract as
 * central's list and the MRZ reader would give them.
 */
export function listed(fields: Partial<PersonListEntry> & Pick<PersonListEntry, 'id' | 'surname'>): PersonListEntry {
  return PersonListEntry.parse({ givenNames: '', category: 'national-warrant', action: 'refer', ...fields });
}

export function traveller(fields: Partial<MrzTraveller> & Pick<MrzTraveller, 'surname' | 'birthDate'>): MrzTraveller {
  return MrzTraveller.parse(fields);
}

/** Two folded name parts compared as the alignment compares one word with another: the best over their sound strings. */
export function partSimilarity(a: string, b: string): PartSimilarity {
  let best: PartSimilarity = { similarity: 0, how: 'edit' };
  for (const x of phoneticForms(a)) {
    for (const y of phoneticForms(b)) {
      const found = soundSimilarity(x, y, a, b);
      if (found.similarity > best.similarity) best = found;
    }
  }
  return best;
}

const SYLLABLES = ['KA', 'LO', 'MI', 'RA', 'TE', 'SU', 'NO', 'VI', 'DA', 'PE', 'GOR', 'BAN', 'TIL', 'MUR', 'SEN', 'KOV', 'RIN', 'DOL', 'ZAR', 'HEM'];

/** A deterministic stream of generated names (Numerical Recipes' linear congruential generator: the same list every run). */
export function nameGenerator(seed = 7): { word(syllables: number): string; below(limit: number): number } {
  let state = seed;
  const below = (limit: number): number => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return Math.floor((state / 2 ** 32) * limit);
  };
  const word = (syllables: number): string => Array.from({ length: syllables }, () => SYLLABLES[below(SYLLABLES.length)] ?? 'KA').join('');
  return { word, below };
}
