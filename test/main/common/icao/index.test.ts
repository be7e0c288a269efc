import { describe, expect, it } from 'vitest';
import * as icao from '../../../../main/common/icao/index.js';

describe('the engine entry point', () => {
  it('exports the API other layers use', () => {
    expect(typeof icao.parseMrz).toBe('function');
    expect(typeof icao.formatMrz).toBe('function');
    expect(icao.MRZ_FORMATS).toEqual(['TD1', 'TD2', 'TD3', 'MRV-A', 'MRV-B']);
    expect(icao.checkDigitOf('740812')).toBe(2);
    expect(icao.isIcaoCountryCode('UTO')).toBe(true);
  });
});
