/**
 * A name split into the words the alignment pairs: single words, and the
 * joins of adjacent words in one field (so TER MINASYAN meets TERMINASYAN).
 */
import { describe, expect, it } from 'vitest';
import { prepareName } from '../../../../../main/core/alerts/persons/prepared-name.js';

describe('a prepared name', () => {
  it('keeps each word with its field and marks particles', () => {
    const { words } = prepareName('TER MINASYAN', 'ARAM');
    expect(words).toEqual([
      { letters: 'TER', field: 'surname', particle: true, rank: -1 },
      { letters: 'MINASYAN', field: 'surname', particle: false, rank: 0 },
      { letters: 'ARAM', field: 'given', particle: false, rank: 0 },
    ]);
  });

  it('joins adjacent words of one field, never across the surname and given names', () => {
    const letters = prepareName('TER MINASYAN', 'XIAO MING').units.map((unit) => unit.letters);
    expect(letters).toEqual(expect.arrayContaining(['TERMINASYAN', 'XIAOMING']));
    expect(letters).not.toContain('MINASYANXIAO');
  });

  it('marks the units that end with the name, the word an MRZ cuts short', () => {
    const last = prepareName('VANDERWOUDENBERGHE', 'MARIA JOHANNA').units.filter((unit) => unit.last).map((unit) => unit.letters);
    expect(last).toEqual(['JOHANNA', 'MARIAJOHANNA']);
  });

  it('reads at most twelve words, however long the name', () => {
    const many = Array.from({ length: 20 }, (_, index) => `W${String.fromCharCode(65 + index)}`).join(' ');
    expect(prepareName(many, many).words).toHaveLength(12);
  });
});
