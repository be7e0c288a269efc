/** Editing zones in tests: a character at a zone offset, and the composite check digit recomputed. */
import { checkDigitOf } from '../../../../../main/common/icao/check-digit.js';
import { LAYOUTS, layoutForShape } from '../../../../../main/common/icao/formats.js';
import type { MrzFormat } from '../../../../../main/common/icao/index.js';

/** The zone with the character at `offset` (counted over the lines concatenated) replaced. */
export function withCharacter(lines: readonly string[], offset: number, character: string): string[] {
  const lineLength = lines[0]?.length ?? 0;
  const lineIndex = Math.floor(offset / lineLength);
  const column = offset % lineLength;
  return lines.map((line, index) => (index === lineIndex ? line.slice(0, column) + character + line.slice(column + 1) : line));
}

/** The zone with its composite check digit made to hold again (a no-op for visas). */
export function withCompositeRecomputed(lines: readonly string[]): string[] {
  const layout = layoutForShape(lines);
  if (layout?.compositeCheck === undefined || layout.compositeCheck === null) return [...lines];
  const zone = lines.join('');
  const composite = layout.compositeSpans.map((span) => zone.slice(span.start, span.end)).join('');
  return withCharacter(lines, layout.compositeCheck, String(checkDigitOf(composite)));
}

/** Every check digit's zone offset in a format, named as parseMrz reports it. */
export function checkDigitOffsets(format: MrzFormat): [string, number][] {
  const layout = LAYOUTS[format];
  const offsets: [string, number][] = [
    ['documentNumberCheckDigit', layout.documentNumberCheck],
    ['birthDateCheckDigit', layout.birthDateCheck],
    ['expiryDateCheckDigit', layout.expiryDateCheck],
  ];
  if (layout.optionalDataCheck !== null) offsets.push(['optionalDataCheckDigit', layout.optionalDataCheck]);
  if (layout.compositeCheck !== null) offsets.push(['compositeCheckDigit', layout.compositeCheck]);
  return offsets;
}
