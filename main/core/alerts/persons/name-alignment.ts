import type { NamePartMatch } from '../../../common/contract/alert-lists.js';
import { sameChineseName } from './chinese-readings.js';
import { soundSimilarity } from './part-similarity.js';
import type { NameUnit, NameWord, PreparedName } from './prepared-name.js';

/** Below this a word pair is not the same word at all. */
const PAIR_FLOOR = 0.72;
/** The surname, and a given name, must each be found at least this well. */
const PART_GATE = 0.8;
/** The most a name scores when its surname, or a given name, is not found well enough. */
const SURNAME_GATED_SCORE = 0.6;
const GATED_SCORE = 0.65;
const CHINESE_SIMILARITY = 0.95;
/** Below the pair floor: a different Chinese syllable is no spelling of the same word. */
const DIFFERENT_SYLLABLE_SIMILARITY = 0.7;

function oneSyllableEach(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const single = (readings: ReadonlySet<string>): boolean => readings.size > 0 && [...readings].every((reading) => !reading.includes('-'));
  return single(a) && single(b);
}
const TRUNCATED_SIMILARITY = 0.95;

/**
 * A name part's share of the score: the surname weighs most, then the given
 * name that agrees best (whether the first or a middle one: people go by
 * either), other given names (a middle name, a patronymic) little.
 */
function weight(word: NameWord, surnameWords: number, principal: boolean): number {
  if (word.particle) return 0.05;
  if (word.field === 'surname') return 1 / Math.max(1, surnameWords);
  return principal ? 0.7 : 0.25;
}

/** What an unmatched word still counts against the score: little when lists and passports routinely leave it out. */
function unmatchedWeight(word: NameWord, surnameWords: number, principal: boolean): number {
  if (word.particle) return 0;
  if (word.field === 'given' && !principal) return 0.05;
  return weight(word, surnameWords, principal);
}

export interface UnitPair {
  readonly listed: NameUnit;
  readonly presented: NameUnit;
  readonly similarity: number;
  readonly how: NamePartMatch['how'];
}

function bits(value: number): number {
  let count = 0;
  for (let rest = value; rest !== 0; rest &= rest - 1) count += 1;
  return count;
}

/** How alike one listed unit is to one presented unit, whichever entry the listed one belongs to. */
export interface UnitComparison {
  readonly similarity: number;
  readonly how: NamePartMatch['how'];
}

function compareUnits(listed: NameUnit, presented: NameUnit, cutShort: boolean): UnitComparison {
  let similarity = 0;
  let how: NamePartMatch['how'] = 'edit';
  for (const a of listed.sounds) {
    for (const b of presented.sounds) {
      const found = soundSimilarity(a, b, listed.letters, presented.letters);
      if (found.similarity > similarity) ({ similarity, how } = found);
    }
  }
  if (similarity < CHINESE_SIMILARITY && sameChineseName(listed.chinese, presented.chinese)) {
    similarity = CHINESE_SIMILARITY;
    how = 'transliteration';
  } else if (similarity < 1 && oneSyllableEach(listed.chinese, presented.chinese) && !sameChineseName(listed.chinese, presented.chinese)) {
    // WANG and HUANG, ZHANG and ZHENG sound alike to the edit distance, yet are two surnames: two different syllables are two names.
    similarity = Math.min(similarity, DIFFERENT_SYLLABLE_SIMILARITY);
  }
  // The MRZ cut the last word: what is left must agree with the start of the listed word.
  if (cutShort && presented.last && presented.letters.length < listed.letters.length && similarity < TRUNCATED_SIMILARITY) {
    if (listed.letters.startsWith(presented.letters)) {
      similarity = TRUNCATED_SIMILARITY;
      how = 'truncated';
    } else {
      for (const a of listed.sounds) {
        for (const b of presented.sounds) {
          const found = soundSimilarity(a.slice(0, b.length), b, listed.letters.slice(0, presented.letters.length), presented.letters).similarity * 0.97;
          if (found > similarity) {
            similarity = found;
            how = 'truncated';
          }
        }
      }
    }
  }
  return { similarity, how };
}

/**
 * Whether no pair found at PART_GATE touches the listed surname (or, where the
 * MRZ has given names, the listed given names): the score is then capped at a
 * gated score, whatever pairs the alignment would choose.
 */
function failsGates(listed: PreparedName, presented: PreparedName, cutShort: boolean, gated: number): boolean {
  const givenCutOff = cutShort && presented.givenWords === 0;
  return (listed.surnameWords !== 0 && (gated & listed.surnameWords) === 0) || (listed.givenWords !== 0 && !givenCutOff && (gated & listed.givenWords) === 0);
}

export interface NameAlignment {
  readonly score: number;
  readonly parts: readonly NamePartMatch[];
  readonly swapped: boolean;
}

/**
 * The listed name's words paired with the traveller's, in whatever order and
 * field they stand (a swapped surname and given name, a joined or split
 * word), best pairs first; the score weighs each listed word by its share.
 */
export function alignNames(listed: PreparedName, presented: PreparedName, cutShort: boolean, seen?: Map<string, UnitComparison[]>): NameAlignment;
/** With `minScore`: undefined as soon as the part gates show the score cannot reach it (most candidates of a common name). */
export function alignNames(listed: PreparedName, presented: PreparedName, cutShort: boolean, seen: Map<string, UnitComparison[]> | undefined, minScore: number): NameAlignment | undefined;
export function alignNames(listed: PreparedName, presented: PreparedName, cutShort: boolean, seen?: Map<string, UnitComparison[]>, minScore = 0): NameAlignment | undefined {
  const comparisonsOf = (a: NameUnit): readonly UnitComparison[] => {
    // One traveller against many entries meets the same listed spellings again and again: each is compared once.
    let comparisons = seen?.get(a.letters);
    if (comparisons === undefined) {
      comparisons = presented.units.map((b) => compareUnits(a, b, cutShort));
      seen?.set(a.letters, comparisons);
    }
    return comparisons;
  };
  if (minScore > GATED_SCORE) {
    let gated = 0;
    for (const a of listed.units) for (const { similarity } of comparisonsOf(a)) if (similarity >= PART_GATE) gated |= a.covers;
    if (failsGates(listed, presented, cutShort, gated)) return undefined;
  }
  const pairs: UnitPair[] = [];
  for (const a of listed.units) {
    for (const [index, { similarity, how }] of comparisonsOf(a).entries()) {
      const b = presented.units[index];
      if (b !== undefined && similarity >= PAIR_FLOOR) pairs.push({ listed: a, presented: b, similarity, how });
    }
  }
  pairs.sort((x, y) => y.similarity - x.similarity || bits(y.listed.covers) + bits(y.presented.covers) - bits(x.listed.covers) - bits(x.presented.covers));
  let usedListed = 0;
  let usedPresented = 0;
  const chosen: UnitPair[] = [];
  for (const pair of pairs) {
    if ((pair.listed.covers & usedListed) !== 0 || (pair.presented.covers & usedPresented) !== 0) continue;
    chosen.push(pair);
    usedListed |= pair.listed.covers;
    usedPresented |= pair.presented.covers;
  }
  const surnameWords = listed.words.filter((word) => word.field === 'surname' && !word.particle).length;
  let found = 0;
  let total = 0;
  let surnameBest = 0;
  let givenBest = 0;
  const pairOf = (index: number): UnitPair | undefined => chosen.find((candidate) => (candidate.listed.covers & (1 << index)) !== 0);
  let principal = -1;
  for (const [index, word] of listed.words.entries()) {
    if (word.field !== 'given' || word.particle) continue;
    const similarity = pairOf(index)?.similarity ?? -1;
    if (principal === -1 || similarity > (pairOf(principal)?.similarity ?? -1)) principal = index;
  }
  const listedGiven = listed.words.some((word) => word.field === 'given' && !word.particle);
  const presentedGiven = presented.words.some((word) => word.field === 'given' && !word.particle);
  // Given names the MRZ had no room for at all count neither way.
  const givenCutOff = cutShort && !presentedGiven;
  for (const [index, word] of listed.words.entries()) {
    const pair = pairOf(index);
    if (pair === undefined) {
      if (!(givenCutOff && word.field === 'given')) total += unmatchedWeight(word, surnameWords, index === principal);
      continue;
    }
    total += weight(word, surnameWords, index === principal);
    found += weight(word, surnameWords, index === principal) * pair.similarity;
    if (word.particle) continue;
    if (word.field === 'surname') surnameBest = Math.max(surnameBest, pair.similarity);
    else givenBest = Math.max(givenBest, pair.similarity);
  }
  const extraWords = presented.words.filter((word, index) => !word.particle && (usedPresented & (1 << index)) === 0).length;
  const swapped = chosen.some((pair) => pair.listed.field !== pair.presented.field && bits(pair.listed.covers) === 1);
  let score = total === 0 ? 0 : found / total;
  score -= 0.03 * Math.min(2, extraWords) + (swapped ? 0.02 : 0);
  if (surnameWords > 0 && surnameBest < PART_GATE) score = Math.min(score, SURNAME_GATED_SCORE);
  // A given name the MRZ cut off entirely cannot be asked for; one that is there must agree.
  if (listedGiven && givenBest < PART_GATE && !givenCutOff) score = Math.min(score, GATED_SCORE);
  const parts = chosen.map(({ listed: a, presented: b, similarity, how }) => ({ listed: a.letters, presented: b.letters, how, similarity: Math.round(similarity * 1000) / 1000 }));
  return { score: Math.max(0, score), parts, swapped };
}
