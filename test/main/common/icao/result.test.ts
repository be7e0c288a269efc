import { describe, expect, it } from 'vitest';
import { MrzResult, parseMrz } from '../../../../main/common/icao/index.js';
import { TODAY, specimenOf } from './support/specimens.js';

describe('MrzResult schema', () => {
  it('describes parsed and unknown results', () => {
    const parsed = parseMrz(specimenOf('TD1').lines.join('\n'), { today: TODAY });
    const unknown = parseMrz('nonsense', { today: TODAY });
    expect(MrzResult.safeParse(parsed).success).toBe(true);
    expect(MrzResult.safeParse(unknown).success).toBe(true);
  });

  it('survives a trip through JSON', () => {
    const parsed = parseMrz(specimenOf('TD3').lines.join('\n'), { today: TODAY });
    expect(MrzResult.parse(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
  });

  it('refuses results that break its rules', () => {
    const parsed = parseMrz(specimenOf('TD3').lines.join('\n'), { today: TODAY });
    expect(MrzResult.safeParse({ ...parsed, format: 'TD4' }).success).toBe(false);
    expect(MrzResult.safeParse({ ...parsed, errors: [{ code: 'made-up', field: 'zone', message: '' }] }).success).toBe(false);
    expect(MrzResult.safeParse({ ...parsed, corrections: [{ field: 'birthDate', position: -1, from: 'O', to: '0' }] }).success).toBe(false);
    expect(MrzResult.safeParse({ ...parsed, fields: { ...parsed.fields, birthDateIso: '1974-13-45' } }).success).toBe(false);
    const unknown = parseMrz('', { today: TODAY });
    expect(MrzResult.safeParse({ ...unknown, valid: true }).success).toBe(false);
    expect(MrzResult.safeParse({ ...unknown, fields: { surname: 'X' } }).success).toBe(false);
  });
});
