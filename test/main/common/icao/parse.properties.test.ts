/**
 * Property tests (fast-check): round trips for every format, detection of every substitution the
 * check-digit scheme can detect, and a million random inputs that must never make parseMrz throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMrz, parseMrz } from '../../../../main/common/icao/index.js';
import { MrzResultSchema } from '../../../../main/common/contract/mrz-result.js';
import { validDocument } from './support/arbitraries.js';
import { referenceCheckDigitsHold } from './support/reference.js';
import { SPECIMENS, TODAY } from './support/specimens.js';
import { withCharacter } from './support/zones.js';

const MRZ_ALPHABET = Array.from('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<');
const options = { today: TODAY };

describe('formatMrz then parseMrz', () => {
  it('gives back the same fields, valid, for random documents of all five formats', () => {
    fc.assert(
      fc.property(validDocument, (document) => {
        const zone = formatMrz(document.input, document.format);
        const result = parseMrz(zone, options);
        expect(result.format).toBe(document.format);
        expect(result.errors).toEqual([]);
        expect(result.corrections).toEqual([]);
        expect(result.valid).toBe(true);
        expect(result.fields).toEqual(document.expected);
        // A single-name holder's zone is valid, and says why its surname is blank.
        const unnamed = result.warnings.some((warning) => warning.code === 'no-primary-identifier');
        expect(unnamed).toBe(document.expected.surname === '');
        // And the fields parseMrz gives are enough to print the same zone again.
        if (result.format !== null) expect(formatMrz(result.fields, result.format)).toBe(zone);
      }),
      { numRuns: 3000 },
    );
  });
});

/** Reported: the zone comes out invalid, or the change was undone by a correction that says so. */
function expectReported(lines: readonly string[]): void {
  const result = parseMrz(lines.join('\n'), options);
  if (result.valid && result.corrections.length === 0) {
    throw new Error(`undetected substitution:\n${lines.join('\n')}`);
  }
}

describe('single-character substitutions', () => {
  it('are all reported, on every specimen, wherever the check digits can see them', () => {
    let detectable = 0;
    for (const specimen of SPECIMENS) {
      const length = specimen.lines.join('').length;
      for (let offset = 0; offset < length; offset++) {
        const original = specimen.lines.join('').charAt(offset);
        for (const replacement of MRZ_ALPHABET) {
          if (replacement === original) continue;
          const lines = withCharacter(specimen.lines, offset, replacement);
          if (referenceCheckDigitsHold(lines)) continue;
          detectable++;
          expectReported(lines);
        }
      }
    }
    expect(detectable).toBeGreaterThan(5000);
  });

  it('are all reported on random documents of all five formats', () => {
    fc.assert(
      fc.property(validDocument, fc.nat(), fc.constantFrom(...MRZ_ALPHABET), (document, offsetSeed, replacement) => {
        const lines = formatMrz(document.input, document.format).split('\n');
        const zone = lines.join('');
        const offset = offsetSeed % zone.length;
        fc.pre(zone.charAt(offset) !== replacement);
        const changed = withCharacter(lines, offset, replacement);
        if (!referenceCheckDigitsHold(changed)) expectReported(changed);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('parseMrz never throws', () => {
  it('on arbitrary strings, whose results the schema describes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 200 })), (text) => {
        const result = parseMrz(text, options);
        expect(MrzResultSchema.safeParse(result).success).toBe(true);
        if (result.format === null) expect(result.valid).toBe(false);
      }),
      { numRuns: 10_000 },
    );
  });

  it('on byte soups, read as UTF-8 and as Latin-1', () => {
    const utf8 = new TextDecoder('utf-8');
    const latin1 = new TextDecoder('latin1');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        for (const text of [utf8.decode(bytes), latin1.decode(bytes)]) {
          expect(MrzResultSchema.safeParse(parseMrz(text, options)).success).toBe(true);
        }
      }),
      { numRuns: 5_000 },
    );
  });

  it('on a million random strings and byte soups, some shaped like zones, some damaged zones', () => {
    const zones = fc.sample(validDocument, { numRuns: 200, seed: 42 }).map((document) => formatMrz(document.input, document.format));
    const noise = Array.from('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<<<<<<<<abcxyz \t#«é\u0000', (character) => character.charCodeAt(0));
    const batch = 1000;
    let parsed = 0;
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const random = xorshift(seed);
        for (let index = 0; index < batch; index++) {
          const text = randomInput(random, zones, noise);
          const result = parseMrz(text, options);
          if (typeof result.valid !== 'boolean') throw new Error('no verdict');
          if (result.format === null && Object.keys(result.fields).length > 0) throw new Error('fields without a format');
          // Validating every result would dominate the run; a sample keeps the schema honest.
          if (index % 250 === 0 && !MrzResultSchema.safeParse(result).success) throw new Error(`schema mismatch for ${JSON.stringify(text)}`);
          parsed++;
        }
      }),
      { numRuns: 1000 },
    );
    expect(parsed).toBe(1_000_000);
  });
});

/** xorshift32: 32 random bits a call, cheap enough that a million inputs cost little to make. */
function xorshift(seed: number): () => number {
  let state = seed | 0 || 0x9e3779b9;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
}

const SHAPES: readonly (readonly number[])[] = [
  [30, 30, 30],
  [36, 36],
  [44, 44],
];
const LINE_ENDS: readonly (readonly number[])[] = [[0x0a], [0x0d, 0x0a], [0x0d]];

function pickFrom<T>(random: () => number, items: readonly T[]): T {
  const item = items[random() % items.length];
  if (item === undefined) throw new Error('empty list');
  return item;
}

/** Character codes to a flat string in one go (building it by += would leave ropes the parser must flatten). */
function textOf(codes: number[]): string {
  return String.fromCharCode(...codes);
}

/** Random code units up to `mask` (0xffff: any, lone surrogates included; 0xff: bytes), as a flat string. */
function randomText(random: () => number, mask: number): string {
  const codes: number[] = [];
  const length = random() % 160;
  for (let index = 0; index < length; index += 2) {
    const bits = random();
    codes.push(bits & mask, (bits >>> 16) & mask);
  }
  return textOf(codes);
}

function randomInput(random: () => number, zones: readonly string[], noise: readonly number[]): string {
  const kind = random() % 10;
  // Any UTF-16 code units, lone surrogates included.
  if (kind < 4) return randomText(random, 0xffff);
  // A byte soup, as a reader's serial line might deliver it.
  if (kind < 8) return randomText(random, 0xff);
  const codes: number[] = [];
  if (kind < 9) {
    // The right shape, the wrong content: reaches every field check.
    const lineEnd = pickFrom(random, LINE_ENDS);
    pickFrom(random, SHAPES).forEach((length, line) => {
      if (line > 0) codes.push(...lineEnd);
      for (let index = 0; index < length; index++) codes.push(pickFrom(random, noise));
    });
    return textOf(codes);
  }
  // A real zone with a few characters changed: reaches the corrections.
  const zone = pickFrom(random, zones);
  for (let index = 0; index < zone.length; index++) codes.push(zone.charCodeAt(index));
  const changes = 1 + (random() % 4);
  for (let change = 0; change < changes; change++) codes[random() % codes.length] = pickFrom(random, noise);
  return textOf(codes);
}
