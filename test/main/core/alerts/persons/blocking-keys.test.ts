/**
 * The coarse keys that pick a check's candidates: spellings of one name must
 * share one, or the matcher never compares them.
 */
import { describe, expect, it } from 'vitest';
import { blockingKeys } from '../../../../../main/core/alerts/persons/blocking-keys.js';
import { phoneticForms } from '../../../../../main/core/alerts/persons/phonetic-form.js';

function keys(word: string): Set<string> {
  return new Set(blockingKeys(phoneticForms(word)));
}

function share(a: string, b: string): boolean {
  const theirs = keys(b);
  return [...keys(a)].some((key) => theirs.has(key));
}

describe('blocking keys', () => {
  it.each([
    ['HOVHANNISYAN', 'OGANESIAN'],
    ['HAKOBYAN', 'HAGOPIAN'],
    ['SHCHERBAKOV', 'SCHTSCHERBAKOW'],
    ['MOHAMMED', 'MUHAMMAD'],
    ['MACDONALD', 'MCDONALD'],
    ['PETRENKO', 'BETRENKO'],
    ['PETRENKO', 'KETRENKO'],
  ])('are shared by %s and %s', (a, b) => {
    expect(share(a, b)).toBe(true);
  });

  it('keep different names apart', () => {
    expect(share('PETROSYAN', 'LARSSON')).toBe(false);
    expect(share('IVANOV', 'KOWALSKI')).toBe(false);
  });

  it('are a handful a word, not one per spelling', () => {
    expect(keys('SHCHERBAKOV').size).toBeLessThanOrEqual(16);
    expect(blockingKeys([])).toEqual([]);
  });
});
