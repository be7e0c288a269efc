/**
 * The blocking index hands a check each listed person filed under the
 * traveller's keys once, however many keys they share, and nobody else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlockingIndex } from '../../../../../main/core/alerts/persons/blocking-index.js';

function visited(index: BlockingIndex, keys: readonly string[]): number[] {
  const slots: number[] = [];
  index.forEachUnder(keys, (slot) => slots.push(slot));
  return slots;
}

describe('blocking index', () => {
  it('visits every slot under the keys exactly once, and only those', () => {
    const filing = fc.array(fc.tuple(fc.constantFrom('PNP', 'NP', 'KST', 'ST', 'MHM'), fc.integer({ min: 0, max: 5000 })), { maxLength: 400 });
    fc.assert(
      fc.property(filing, fc.subarray(['PNP', 'NP', 'KST', 'ST', 'MHM', 'absent']), (filed, asked) => {
        const index = new BlockingIndex();
        for (const [key, slot] of filed) index.add(key, slot);
        const expected = new Set(filed.filter(([key]) => asked.includes(key)).map(([, slot]) => slot));
        const slots = visited(index, asked);
        expect(slots.length).toBe(expected.size);
        expect(new Set(slots)).toEqual(expected);
      }),
    );
  });

  it('starts afresh for each check: a slot seen by one check is visited again by the next', () => {
    const index = new BlockingIndex();
    index.add('PNP', 3);
    index.add('NP', 3);
    expect(visited(index, ['PNP', 'NP'])).toEqual([3]);
    expect(visited(index, ['NP'])).toEqual([3]);
  });

  it('grows past its first capacity without losing a slot', () => {
    const index = new BlockingIndex();
    for (let slot = 0; slot < 50_000; slot += 1) index.add(slot % 2 === 0 ? 'PNP' : 'NP', slot);
    expect(visited(index, ['PNP']).length).toBe(25_000);
    expect(visited(index, ['PNP', 'NP']).length).toBe(50_000);
  });
});
