/**
 * Readers hand over the zone in many small variations: CR or CRLF line ends, blank lines around
 * it, indentation, lower case, spaces between character groups, or all lines run together. This
 * module turns such text into the zone's lines and says which of those variations it undid.
 */

import { FILLER_CODE, isMrzCharacter } from './check-digit.js';

export const NORMALISATIONS = [
  /** CR or CRLF line ends were read as LF. */
  'line-endings',
  /** Blank lines were dropped. */
  'blank-lines',
  /** White space before or after a line was trimmed. */
  'surrounding-whitespace',
  /** Lower-case letters were upper-cased. */
  'lower-case',
  /** White space inside a line was removed. */
  'inner-spaces-removed',
  /** White space inside a line stood in for fillers: only reading it as `<` gives the line a zone's length. */
  'spaces-as-fillers',
  /** The zone came as one line and was cut into its rows. */
  'lines-split',
] as const;
export type Normalisation = (typeof NORMALISATIONS)[number];

export interface NormalisedInput {
  readonly lines: string[];
  readonly normalised: Normalisation[];
}

const LINE_FEED = 0x0a;

/** Lengths of a zone line, or of a whole zone given as one line. */
function isZoneLength(length: number): boolean {
  return length === 30 || length === 36 || length === 44 || length === 72 || length === 88 || length === 90;
}

/** A whole zone given as one line: its row length. */
function rowLengthOfJoinedZone(length: number): number {
  if (length === 90) return 30;
  if (length === 72) return 36;
  if (length === 88) return 44;
  return 0;
}

export function normaliseInput(text: string): NormalisedInput {
  const length = text.length;
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(index);
    if (code !== LINE_FEED && !isMrzCharacter(code)) return normaliseSlowly(text);
  }
  // Clean input, the usual case: split on LF without regular expressions or copies.
  const lines: string[] = [];
  let blankLines = false;
  let start = 0;
  for (;;) {
    const lineFeed = text.indexOf('\n', start);
    const end = lineFeed < 0 ? length : lineFeed;
    if (end > start) lines.push(text.slice(start, end));
    else if (lineFeed >= 0) blankLines = true;
    if (lineFeed < 0) break;
    start = lineFeed + 1;
  }
  const normalised: Normalisation[] = blankLines ? ['blank-lines'] : [];
  return splitJoinedZone(lines, normalised);
}

/** The characters JavaScript's \s and String.prototype.trim treat as white space. */
function isWhiteSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

const FLAG: Readonly<Record<Normalisation, number>> = {
  'line-endings': 1,
  'blank-lines': 2,
  'surrounding-whitespace': 4,
  'lower-case': 8,
  'inner-spaces-removed': 16,
  'spaces-as-fillers': 32,
  'lines-split': 64,
};

/**
 * One pass over the text with char codes and no regular expressions. Garbage is as likely as a
 * zone here (the fuzz tests feed a million), so this stays cheap.
 */
function normaliseSlowly(text: string): NormalisedInput {
  let flags = 0;
  const lines: string[] = [];
  const length = text.length;
  let lineStart = 0;
  while (lineStart <= length) {
    let lineEnd = lineStart;
    while (lineEnd < length) {
      const code = text.charCodeAt(lineEnd);
      if (code === 0x0a || code === 0x0d) break;
      lineEnd++;
    }
    let next = lineEnd + 1;
    if (text.charCodeAt(lineEnd) === 0x0d) {
      flags |= FLAG['line-endings'];
      if (text.charCodeAt(lineEnd + 1) === 0x0a) next++;
    }
    // A final line end terminates the last line; it does not open a blank one.
    if (lineEnd === length && lineStart === length && lineStart > 0) break;
    flags = readLine(text, lineStart, lineEnd, lines, flags);
    lineStart = next;
  }
  const normalised = NORMALISATIONS.filter((kind) => (flags & FLAG[kind]) !== 0);
  return splitJoinedZone(lines, normalised);
}

/** Trims text[start, end), upper-cases it and removes its inner white space, appends the line and returns the flags. */
function readLine(text: string, start: number, end: number, lines: string[], flags: number): number {
  const rawStart = start;
  const rawEnd = end;
  while (start < end && isWhiteSpace(text.charCodeAt(start))) start++;
  while (end > start && isWhiteSpace(text.charCodeAt(end - 1))) end--;
  if (start === end) return flags | FLAG['blank-lines'];
  if (start !== rawStart || end !== rawEnd) flags |= FLAG['surrounding-whitespace'];
  if (end - start < 30) {
    // Shorter than any zone line, however its spaces are read: not worth a closer look.
    lines.push(text.slice(start, end));
    return flags;
  }
  let lowerCase = false;
  let innerWhiteSpace = 0;
  let removedLength = 0;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x61 && code <= 0x7a) lowerCase = true;
    if (isWhiteSpace(code)) innerWhiteSpace++;
    else removedLength++;
  }
  // Spaces are dropped unless only reading them as fillers gives the line a zone's length.
  const spacesAsFillers = innerWhiteSpace > 0 && !isZoneLength(removedLength) && isZoneLength(end - start);
  // Rewriting is only worth it for a line that can be part of a zone; any other line makes the
  // input an unknown format whatever its letters' case, so it is kept (and reported) as it is.
  const rewrite = (lowerCase || innerWhiteSpace > 0) && isZoneLength(spacesAsFillers ? end - start : removedLength);
  if (!rewrite) {
    lines.push(text.slice(start, end));
    return flags;
  }
  if (lowerCase) flags |= FLAG['lower-case'];
  if (innerWhiteSpace > 0) flags |= spacesAsFillers ? FLAG['spaces-as-fillers'] : FLAG['inner-spaces-removed'];
  const codes: number[] = [];
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    // Only ASCII a-z: toUpperCase on `ß` gives `SS` and would shift every position after it.
    if (code >= 0x61 && code <= 0x7a) codes.push(code - 0x20);
    else if (!isWhiteSpace(code)) codes.push(code);
    else if (spacesAsFillers) codes.push(FILLER_CODE);
  }
  // At most 90 codes (a zone's length), well within the argument limit.
  lines.push(String.fromCharCode(...codes));
  return flags;
}

function splitJoinedZone(lines: string[], normalised: Normalisation[]): NormalisedInput {
  const only = lines.length === 1 ? lines[0] : undefined;
  if (only === undefined) return { lines, normalised };
  const rowLength = rowLengthOfJoinedZone(only.length);
  if (rowLength === 0) return { lines, normalised };
  const rows: string[] = [];
  for (let start = 0; start < only.length; start += rowLength) rows.push(only.slice(start, start + rowLength));
  normalised.push('lines-split');
  return { lines: rows, normalised };
}
