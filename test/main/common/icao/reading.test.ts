import { describe, expect, it } from 'vitest';
import { addError, addWarning, correctCharacter, describeCharacter, newReading } from '../../../../main/common/icao/reading.js';

describe('reading', () => {
  it('starts empty', () => {
    expect(newReading('ABC')).toEqual({ zone: 'ABC', errors: [], warnings: [], corrections: [], checks: [] });
  });

  it('records errors and warnings', () => {
    const reading = newReading('');
    addError(reading, 'invalid-sex', 'sex', 'bad');
    addWarning(reading, 'name-possibly-truncated', 'surname', 'long');
    expect(reading.errors).toEqual([{ code: 'invalid-sex', field: 'sex', message: 'bad' }]);
    expect(reading.warnings).toEqual([{ code: 'name-possibly-truncated', field: 'surname', message: 'long' }]);
  });

  it('applies a correction to the zone and records it', () => {
    const reading = newReading('74O812');
    correctCharacter(reading, 2, '0', 'birthDate', 2);
    expect(reading.zone).toBe('740812');
    expect(reading.corrections).toEqual([{ field: 'birthDate', position: 2, from: 'O', to: '0' }]);
  });

  it('describes characters for messages', () => {
    expect(describeCharacter('#')).toBe("'#'");
    expect(describeCharacter(' ')).toBe('U+0020');
    expect(describeCharacter('é')).toBe('U+00E9');
    expect(describeCharacter('\u0000')).toBe('U+0000');
  });
});
