/**
 * The sounds of a name part: the spellings transliteration systems give one
 * letter (Щ, Ш, Ч, Ж, Х) become one sound, so that the guard's reader finds
 * a German, French or English spelling of a Russian name.
 */
import { describe, expect, it } from 'vitest';
import { phoneticForms } from '../../../../../main/core/alerts/persons/phonetic-form.js';

describe('the sounds of a name part', () => {
  it('writes Щ the same in the English, German and French systems', () => {
    const [english] = phoneticForms('SHCHERBAKOV');
    expect(phoneticForms('SCHTSCHERBAKOW')).toEqual([english]);
    expect(phoneticForms('CHTCHERBAKOV')).toEqual([english]);
  });

  it('writes Ж, Ч and Х the same whichever system spelled them', () => {
    expect(phoneticForms('ZHUKOV')).toEqual(phoneticForms('ZHUKOW'));
    expect(phoneticForms('CHEKHOV')).toEqual(phoneticForms('TCHEKHOV'));
    expect(phoneticForms('TSCHECHOW')[0]?.startsWith('c')).toBe(true);
  });

  it('ignores doubled letters', () => {
    expect(phoneticForms('HOSSEINI')).toEqual(phoneticForms('HOSEINI'));
    expect(phoneticForms('MAMMADOV')).toEqual(phoneticForms('MAMADOV'));
  });

  it('reads MAC as MC', () => {
    expect(phoneticForms('MACALLISTER')).toEqual(phoneticForms('MCALLISTER'));
  });

  it('gives X both readings, KS and KH', () => {
    expect(phoneticForms('XALILOV')).toHaveLength(2);
    expect(phoneticForms('XALILOV')).toContain(phoneticForms('KHALILOV')[0]);
  });

  it('gives an Arabic article written onto the name as a second form without it', () => {
    expect(phoneticForms('ALRASHID')).toContain(phoneticForms('RASHID')[0]);
    // An assimilated article doubles the name's first letter, which stays the name's: AR-RASHID, AS-SAYED.
    expect(phoneticForms('ARRASHID')).toContain(phoneticForms('RASHID')[0]);
    expect(phoneticForms('ASSAYED')).toContain(phoneticForms('SAYED')[0]);
    // Too short a rest is no article: ALAN is a name.
    expect(phoneticForms('ALAN')).toHaveLength(1);
  });
});
