/**
 * Chinese names in Pinyin, Wade-Giles and Hong Kong Cantonese: a mainland
 * list entry is found in a Taiwan or Hong Kong passport.
 */
import { describe, expect, it } from 'vitest';
import { chineseReadings, sameChineseName } from '../../../../../main/core/alerts/persons/chinese-readings.js';

function same(a: string, b: string): boolean {
  return sameChineseName(chineseReadings(a), chineseReadings(b));
}

describe('Chinese readings of a name part', () => {
  it('reads ZHANG in Pinyin, Wade-Giles (CHANG) and Cantonese (CHEUNG) as one name', () => {
    expect(chineseReadings('ZHANG')).toEqual(new Set(['ZHANG']));
    expect(chineseReadings('CHANG')).toContain('ZHANG');
    expect(chineseReadings('CHEUNG')).toContain('ZHANG');
    expect(same('ZHANG', 'CHANG')).toBe(true);
    expect(same('CHANG', 'CHEUNG')).toBe(true);
  });

  it('reads XIAO MING, HSIAO MING and SIU MING as one given name, joined or not', () => {
    expect(chineseReadings('XIAOMING')).toEqual(new Set(['XIAO-MING']));
    expect(chineseReadings('HSIAOMING')).toEqual(new Set(['XIAO-MING']));
    expect(same('XIAOMING', 'SIUMING')).toBe(true);
    expect(same('XIAO', 'HSIAO')).toBe(true);
    expect(same('XIAO', 'SIU')).toBe(true);
  });

  it('reads the Cantonese WONG as HUANG (and WANG)', () => {
    expect(same('HUANG', 'WONG')).toBe(true);
    expect(same('WANG', 'WONG')).toBe(true);
  });

  it('keeps WANG and HUANG, two Pinyin names, apart', () => {
    expect(same('WANG', 'HUANG')).toBe(false);
    expect(same('ZHANG', 'ZHENG')).toBe(false);
  });

  it('reads a syllable as the fewest syllables: HUANG is not HU-A-NG', () => {
    expect(chineseReadings('HUANG')).toEqual(new Set(['HUANG']));
  });

  it('reads nothing into a part that is not Chinese, so that it never matches that way', () => {
    expect(chineseReadings('PETRENKO').size).toBe(0);
    expect(chineseReadings('ABCDEFGHIJKLMNOPQRSTUVWXYZ').size).toBe(0);
    expect(same('PETRENKO', 'PETRENKO')).toBe(false);
  });

  it('keeps the Cantonese NG and U whole names, never the end of another syllable', () => {
    expect(chineseReadings('NG')).toContain('WU');
    expect(chineseReadings('WANGNG').size).toBe(0);
  });
});
