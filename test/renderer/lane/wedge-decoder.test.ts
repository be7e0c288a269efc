import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WedgeDecoder, characterOfKey } from '../../../renderer/lane/wedge-decoder.js';
import { formatMrz } from '../../../main/common/icao/index.js';

/** The key a US-keyboard wedge presses for each zone character, as `code` and Shift. */
function keysOf(text: string): { code: string; shift: boolean }[] {
  return Array.from(text).flatMap((character): { code: string; shift: boolean }[] => {
    if (character === '\n') return [{ code: 'Enter', shift: false }];
    if (character === '<') return [{ code: 'ShiftLeft', shift: true }, { code: 'Comma', shift: true }];
    if (/[0-9]/.test(character)) return [{ code: `Digit${character}`, shift: false }];
    return [{ code: `Key${character}`, shift: false }];
  });
}

const SPECIMEN = formatMrz(
  { documentCode: 'P', issuingState: 'UTO', documentNumber: 'L898902C3', nationality: 'UTO', birthDate: '1974-08-12', sex: 'F', expiryDate: '2032-04-15', surname: 'ERIKSSON', givenNames: 'ANNA MARIA' },
  'TD3',
);

function type(decoder: WedgeDecoder, text: string, gapMs: (index: number) => number): string | undefined {
  let at = 1000;
  keysOf(`${text}\n`).forEach(({ code, shift }, index) => {
    at += gapMs(index);
    decoder.press(code, shift, at);
  });
  return decoder.finish();
}

describe('the keyboard-wedge decoder', () => {
  it('takes a zone typed at a wedge’s pace, whatever layout the OS has', () => {
    expect(type(new WedgeDecoder(), SPECIMEN, () => 8)).toBe(SPECIMEN);
  });

  it('reads the physical key, so Cyrillic or Armenian letters from .key never reach the zone', () => {
    expect(characterOfKey('KeyP', false)).toBe('P');
    expect(characterOfKey('Comma', true)).toBe('<');
    expect(characterOfKey('Comma', false)).toBeUndefined();
    expect(characterOfKey('Digit7', false)).toBe('7');
    expect(characterOfKey('Enter', false)).toBe('\n');
    expect(characterOfKey('F2', false)).toBeUndefined();
  });

  it('leaves a person typing at a human pace alone', () => {
    expect(type(new WedgeDecoder(), SPECIMEN, () => 120)).toBeUndefined();
  });

  it('ignores a short fast burst that cannot be a zone', () => {
    expect(type(new WedgeDecoder(), 'P<UTO', () => 5)).toBeUndefined();
  });

  it('decodes every generated zone exactly, at any wedge pace with jitter', () => {
    const zone = fc
      .record({
        number: fc.stringMatching(/^[A-Z0-9]{9}$/),
        surname: fc.stringMatching(/^[A-Z]{2,12}$/),
        given: fc.stringMatching(/^[A-Z]{1,10}$/),
      })
      .map(({ number, surname, given }) =>
        formatMrz({ documentCode: 'P', issuingState: 'UTO', documentNumber: number, nationality: 'UTO', birthDate: '1990-01-01', sex: 'M', expiryDate: '2031-01-01', surname, givenNames: given }, 'TD3'),
      );
    fc.assert(
      fc.property(zone, fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 200, maxLength: 200 }), (text, gaps) => {
        expect(type(new WedgeDecoder(), text, (index) => gaps[index % gaps.length] ?? 5)).toBe(text);
      }),
    );
  });
});
