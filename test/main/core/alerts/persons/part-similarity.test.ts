/**
 * One name part against another: the spellings transliteration systems give
 * one name score high, and names that merely share an ending score low.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { soundDistance } from '../../../../../main/core/alerts/persons/part-similarity.js';
import { partSimilarity } from '../../../../rigs/persons.js';

/** The floor below which the alignment does not pair two words at all. */
const PAIRED = 0.72;
/** What the surname and a given name must each reach for a hit. */
const GATE = 0.8;

describe('the similarity of two name parts', () => {
  /**
   * Spellings of one name in the systems lists and passports use, the list's own first: that one against each other
   * is a transliteration; any two of a group pass the gate a hit needs.
   */
  const SAME_NAME: readonly (readonly [string, ...string[]])[] = [
    ['HOVHANNISYAN', 'HOVANNISIAN', 'OGANESIAN'],
    ['HAKOBYAN', 'HAGOPIAN', 'AKOPIAN'],
    ['MOHAMMED', 'MUHAMMAD', 'MOHAMAD'],
    ['HOSSEINI', 'HOSEYNI', 'HOSSEYNI'],
    ['SHCHERBAKOV', 'SCHTSCHERBAKOW', 'CHTCHERBAKOV'],
    ['MAMMADOV', 'MAMEDOV'],
    ['MACDONALD', 'MCDONALD'],
  ];

  it.each(SAME_NAME.flatMap(([own, ...others]) => others.map((other) => [own, other] as const)))('scores %s and %s as one name in two systems', (a, b) => {
    const found = partSimilarity(a, b);
    expect(found.similarity).toBeGreaterThanOrEqual(0.85);
    expect(found.how).toBe('transliteration');
  });

  it.each(SAME_NAME.flatMap((group) => group.flatMap((a, index) => group.slice(index + 1).map((b) => [a, b] as const))))('scores %s and %s alike enough for a hit', (a, b) => {
    expect(partSimilarity(a, b).similarity).toBeGreaterThanOrEqual(GATE);
  });

  it('scores a typing slip as an edit, high enough to pass the gate', () => {
    expect(partSimilarity('PETRENKO', 'PETRNEKO')).toMatchObject({ how: 'edit' });
    expect(partSimilarity('PETRENKO', 'PETRNEKO').similarity).toBeGreaterThanOrEqual(GATE);
    expect(partSimilarity('KARAPETYAN', 'KARAPETYAM').similarity).toBeGreaterThanOrEqual(GATE);
  });

  it.each([
    ['PETROSYAN', 'SARGSYAN'],
    ['IVANOV', 'SMIRNOV'],
    ['HAKOBYAN', 'HOVHANNISYAN'],
    ['ERIKSSON', 'LARSSON'],
    ['ANNA', 'MARIA'],
  ])('scores %s and %s as different names', (a, b) => {
    expect(partSimilarity(a, b).similarity).toBeLessThan(PAIRED);
  });

  const part = fc.stringMatching(/^[A-Z]{1,16}$/);

  it('scores a part against itself 1, exact', () => {
    fc.assert(
      fc.property(part, (a) => {
        expect(partSimilarity(a, a)).toEqual({ similarity: 1, how: 'exact' });
      }),
    );
  });

  it('scores within [0, 1], below 1 for any two different spellings', () => {
    fc.assert(
      fc.property(part, part, (a, b) => {
        const { similarity } = partSimilarity(a, b);
        expect(similarity).toBeGreaterThanOrEqual(0);
        expect(similarity).toBeLessThanOrEqual(1);
        if (a !== b) expect(similarity).toBeLessThan(1);
      }),
      { numRuns: 1000 },
    );
  });

  it('is symmetric: either side may be the list', () => {
    fc.assert(
      fc.property(part, part, (a, b) => {
        expect(partSimilarity(a, b).similarity).toBeCloseTo(partSimilarity(b, a).similarity, 9);
        expect(soundDistance(a, b).cost).toBeCloseTo(soundDistance(b, a).cost, 9);
      }),
      { numRuns: 1000 },
    );
  });

  it('counts a step no spelling system takes as an edit', () => {
    expect(soundDistance('PETRENKO', 'PETRENKO')).toEqual({ cost: 0, edited: false });
    expect(soundDistance('HAKOBYAN', 'HAGOPIAN').edited).toBe(false);
    expect(soundDistance('PETRENKO', 'PETRENMO').edited).toBe(true);
  });
});
