import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import * as icao from '../../../../main/common/icao/index.js';

describe('the engine entry point', () => {
  it('exports the API other layers use', () => {
    expect(typeof icao.parseMrz).toBe('function');
    expect(typeof icao.formatMrz).toBe('function');
    expect(icao.MRZ_FORMATS).toEqual(['TD1', 'TD2', 'TD3', 'MRV-A', 'MRV-B']);
    expect(icao.checkDigitOf('740812')).toBe(2);
    expect(icao.isIcaoCountryCode('UTO')).toBe(true);
  });

  // `sahman mrz` must start fast; zod alone costs it tens of milliseconds to load.
  it('does not load zod, which only the contract needs', () => {
    const folder = new URL('../../../../main/common/icao/', import.meta.url);
    const sources = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'));
    expect(sources.length).toBeGreaterThan(5);
    for (const name of sources) expect(readFileSync(new URL(name, folder), 'utf8'), name).not.toMatch(/from ['"]zod['"]/);
  });
});
