import { blockingKeys } from './blocking-keys.js';
import { chineseReadings } from './chinese-readings.js';
import { phoneticForms } from './phonetic-form.js';

export type NameField = 'surname' | 'given';

/**
 * Words that are part of a name but not what identifies it: Arabic articles
 * and kinship words, European particles, Armenian TER, Turkic patronymic
 * markers. They may be written, joined on or left out.
 */
const PARTICLES = new Set([
  'AL', 'EL', 'AR', 'AS', 'AD', 'AT', 'AZ', 'AN', 'ASH', 'UL', 'ED', 'ES', 'ET', 'EZ', 'EN', 'BIN', 'BEN', 'IBN', 'BINT',
  'DE', 'DA', 'DI', 'DO', 'DOS', 'DAS', 'DEL', 'DELLA', 'DER', 'DEN', 'VAN', 'VON', 'LA', 'LE', 'DU', 'Y', 'TER',
  'OGLU', 'OGLY', 'KYZY', 'GIZI', 'QIZI', 'ULY', 'UULU',
]);

/** One or more adjacent words of one field, compared as one (TER MINASYAN against TERMINASYAN). */
export interface NameUnit {
  readonly letters: string;
  readonly sounds: readonly string[];
  readonly chinese: ReadonlySet<string>;
  /** Where the unit is filed in the blocking index: its sounds' keys, and its Chinese readings (XU and HSU share no consonant key, yet are one name). */
  readonly keys: readonly string[];
  readonly field: NameField;
  /** The word positions (over the whole name) the unit covers, as a bit set. */
  readonly covers: number;
  /** The unit's last word is the name's last: the one an MRZ cuts short. */
  readonly last: boolean;
}

export interface NameWord {
  readonly letters: string;
  readonly field: NameField;
  readonly particle: boolean;
  /** Position among the field's words that are not particles (0 for the first given name). */
  readonly rank: number;
}

export interface PreparedName {
  readonly words: readonly NameWord[];
  readonly units: readonly NameUnit[];
  /** The positions of the surname's and the given names' words that are not particles, as bit sets. */
  readonly surnameWords: number;
  readonly givenWords: number;
}

const MAX_WORDS = 12;

interface Spelling {
  readonly sounds: readonly string[];
  readonly chinese: ReadonlySet<string>;
  readonly keys: readonly string[];
}

/**
 * Listed names repeat (a list holds thousands of IVANOVs): each spelling's
 * sounds, readings and blocking keys are worked out once and shared by every
 * entry (the collector marks one copy, not one per entry).
 */
const LISTED_SPELLINGS = new Map<string, Spelling>();

function spellingOf(letters: string, shared: boolean): Spelling {
  const known = shared ? LISTED_SPELLINGS.get(letters) : undefined;
  if (known !== undefined) return known;
  const sounds = phoneticForms(letters);
  const chinese = chineseReadings(letters);
  const spelling = { sounds, chinese, keys: [...blockingKeys(sounds), ...[...chinese].map((reading) => `c${reading}`)] };
  if (shared) LISTED_SPELLINGS.set(letters, spelling);
  return spelling;
}

/**
 * A name (already A-Z and spaces) split into words, with its single words and
 * adjacent joins ready to compare. `listed`: a list's name, whose spellings
 * are shared with the other entries (a traveller's are not kept).
 */
export function prepareName(surname: string, givenNames: string, listed = false): PreparedName {
  const unit = (letters: string, field: NameField, covers: number, last: boolean): NameUnit => {
    const { sounds, chinese, keys } = spellingOf(letters, listed);
    // A literal, not a spread: its fields live in the object itself, one heap object per unit for the collector to mark, not two.
    return { letters, sounds, chinese, keys, field, covers, last };
  };
  const words: NameWord[] = [];
  for (const [field, text] of [
    ['surname', surname],
    ['given', givenNames],
  ] as const) {
    let rank = 0;
    const fieldWords = text.split(' ').filter((word) => word !== '');
    // A field of particles alone (a list's surname AL) is the name itself, and must be found like one.
    const onlyParticles = fieldWords.every((word) => PARTICLES.has(word));
    for (const letters of fieldWords) {
      if (words.length >= MAX_WORDS) break;
      const particle = !onlyParticles && PARTICLES.has(letters);
      words.push({ letters, field, particle, rank: particle ? -1 : rank });
      if (!particle) rank += 1;
    }
  }
  const units: NameUnit[] = [];
  const lastIndex = words.length - 1;
  for (const [index, word] of words.entries()) units.push(unit(word.letters, word.field, 1 << index, index === lastIndex));
  // Joins of two and three adjacent words in one field: split and joined spellings meet here.
  for (let start = 0; start < words.length; start += 1) {
    let letters = words[start]?.letters ?? '';
    for (let end = start + 1; end < Math.min(words.length, start + 3); end += 1) {
      const word = words[end];
      if (word === undefined || word.field !== words[start]?.field) break;
      letters += word.letters;
      let covers = 0;
      for (let at = start; at <= end; at += 1) covers |= 1 << at;
      units.push(unit(letters, word.field, covers, end === lastIndex));
    }
  }
  let surnameWords = 0;
  let givenWords = 0;
  for (const [index, word] of words.entries()) {
    if (word.particle) continue;
    if (word.field === 'surname') surnameWords |= 1 << index;
    else givenWords |= 1 << index;
  }
  return { words, units, surnameWords, givenWords };
}
