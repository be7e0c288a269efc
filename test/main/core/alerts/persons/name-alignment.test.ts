/**
 * The listed name's words paired with the traveller's in whatever order and
 * field they stand, and the gate every hit must pass: the surname and a given
 * name each found.
 */
import { describe, expect, it } from 'vitest';
import { alignNames } from '../../../../../main/core/alerts/persons/name-alignment.js';
import { prepareName } from '../../../../../main/core/alerts/persons/prepared-name.js';

function align(listed: readonly [string, string], presented: readonly [string, string], cutShort = false): ReturnType<typeof alignNames> {
  return alignNames(prepareName(...listed), prepareName(...presented), cutShort);
}

describe('aligning two names', () => {
  it('scores the same name 1, every part exact', () => {
    const found = align(['PETRENKO', 'ROMAN'], ['PETRENKO', 'ROMAN']);
    expect(found.score).toBe(1);
    expect(found.swapped).toBe(false);
    expect(found.parts.every((part) => part.how === 'exact')).toBe(true);
  });

  it('pairs a surname and given name written the other way round, a little lower, and says so', () => {
    const found = align(['PETRENKO', 'ROMAN'], ['ROMAN', 'PETRENKO']);
    expect(found.swapped).toBe(true);
    expect(found.score).toBeGreaterThan(0.9);
    expect(found.score).toBeLessThan(1);
  });

  it('counts a left-out patronymic little', () => {
    expect(align(['PETRENKO', 'ROMAN ANATOLEVICH'], ['PETRENKO', 'ROMAN']).score).toBeGreaterThan(0.95);
  });

  it('holds the score down when the surname is not found, however well the given name agrees', () => {
    expect(align(['PETROSYAN', 'ARAM'], ['SARGSYAN', 'ARAM']).score).toBeLessThanOrEqual(0.6);
  });

  it('holds the score down when a given name the traveller has disagrees', () => {
    expect(align(['PETRENKO', 'ROMAN'], ['PETRENKO', 'OLEKSANDR']).score).toBeLessThanOrEqual(0.65);
  });

  it('pairs a last word the MRZ cut short with the start of the listed word', () => {
    const found = align(['VANDERWOUDENBERGHE OOSTERHUIZEN', 'ALEXANDRA'], ['VANDERWOUDENBERGHE OOSTERHUIZEN', 'ALEXAN'], true);
    expect(found.parts).toContainEqual({ listed: 'ALEXANDRA', presented: 'ALEXAN', how: 'truncated', similarity: 0.95 });
    // Without the MRZ's length, the same letters are only a shorter name.
    expect(align(['PETRENKO', 'ALEXANDRA'], ['PETRENKO', 'ALEXAN'], false).parts.some((part) => part.how === 'truncated')).toBe(false);
  });

  it('lets the MRZ cut the given names off entirely without failing the gate', () => {
    expect(align(['VANDERWOUDENBERGHEOOSTERHUIZENKAR', 'ALEXANDRA'], ['VANDERWOUDENBERGHEOOSTERHUIZENKAR', ''], true).score).toBeGreaterThan(0.65);
    expect(align(['PETRENKO', 'ROMAN'], ['PETRENKO', ''], false).score).toBeLessThanOrEqual(0.65);
  });
});
