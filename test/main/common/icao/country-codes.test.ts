import { describe, expect, it } from 'vitest';
import { ICAO_SPECIAL_CODES, ISO_3166_ALPHA3, isIcaoCountryCode } from '../../../../main/common/icao/country-codes.js';

describe('ICAO country codes', () => {
  it('holds the 249 ISO 3166-1 alpha-3 codes, each once', () => {
    expect(ISO_3166_ALPHA3).toHaveLength(249);
    expect(new Set(ISO_3166_ALPHA3).size).toBe(249);
    for (const code of ISO_3166_ALPHA3) expect(code).toMatch(/^[A-Z]{3}$/);
  });

  it('accepts ISO codes', () => {
    for (const code of ['FRA', 'DEU', 'NLD', 'USA', 'SSD', 'ESH', 'ALA']) expect(isIcaoCountryCode(code)).toBe(true);
  });

  it('accepts every Doc 9303 Part 3 special code and the specimen state', () => {
    const specials = ['D', 'GBD', 'GBN', 'GBO', 'GBP', 'GBS', 'EUE', 'UNO', 'UNA', 'UNK', 'XBA', 'XIM', 'XCC', 'XCE', 'XCO', 'XEC', 'XPO', 'XES', 'XOM', 'XDC', 'XXA', 'XXB', 'XXC', 'XXX', 'RKS'];
    expect([...ICAO_SPECIAL_CODES].sort()).toEqual([...specials].sort());
    for (const code of [...specials, 'UTO']) expect(isIcaoCountryCode(code)).toBe(true);
  });

  it('refuses unknown, withdrawn, padded and lower-case codes', () => {
    for (const code of ['', 'XYZ', 'ANT', 'YUG', 'D<<', 'uto', 'UT', 'UTOP', 'DE']) expect(isIcaoCountryCode(code)).toBe(false);
  });
});
