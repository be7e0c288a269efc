import { describe, expect, it } from 'vitest';
import { MrzResultSchema } from '../../../../main/common/contract/mrz-result.js';
import { parseMrz } from '../../../../main/common/icao/index.js';
import { TODAY, specimenOf } from '../icao/support/specimens.js';

describe('the MRZ result schema', () => {
  it('describes parsed and unknown results', () => {
    const parsed = parseMrz(specimenOf('TD1').lines.join('\n'), { today: TODAY });
    const unknown = parseMrz('nonsense', { today: TODAY });
    expect(MrzResultSchema.safeParse(parsed).success).toBe(true);
    expect(MrzResultSchema.safeParse(unknown).success).toBe(true);
  });

  it('survives a trip through JSON', () => {
    const parsed = parseMrz(specimenOf('TD3').lines.join('\n'), { today: TODAY });
    expect(MrzResultSchema.parse(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
  });

  it('refuses results that break its rules', () => {
    const parsed = parseMrz(specimenOf('TD3').lines.join('\n'), { today: TODAY });
    expect(MrzResultSchema.safeParse({ ...parsed, format: 'TD4' }).success).toBe(false);
    expect(MrzResultSchema.safeParse({ ...parsed, errors: [{ code: 'made-up', field: 'zone', message: '' }] }).success).toBe(false);
    expect(MrzResultSchema.safeParse({ ...parsed, corrections: [{ field: 'birthDate', position: -1, from: 'O', to: '0' }] }).success).toBe(false);
    expect(MrzResultSchema.safeParse({ ...parsed, fields: { ...parsed.fields, birthDateIso: '1974-13-45' } }).success).toBe(false);
    const unknown = parseMrz('', { today: TODAY });
    expect(MrzResultSchema.safeParse({ ...unknown, valid: true }).success).toBe(false);
    expect(MrzResultSchema.safeParse({ ...unknown, fields: { surname: 'X' } }).success).toBe(false);
  });
});
