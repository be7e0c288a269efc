/**
 * The name field holds the primary identifier, `<<`, then the secondary identifier, with `<`
 * between the parts of each (Doc 9303 Part 3, section 4.6).
 */

import { FILLER_CODE } from './check-digit.js';

export interface SplitName {
  readonly surname: string;
  readonly givenNames: string;
}

/** text[start, end) with fillers stripped at both ends and every run of fillers inside turned into one space. */
export function fillersToSpaces(text: string, start: number, end: number): string {
  while (start < end && text.charCodeAt(start) === FILLER_CODE) start++;
  while (end > start && text.charCodeAt(end - 1) === FILLER_CODE) end--;
  let result = '';
  let pieceStart = start;
  let index = start;
  while (index < end) {
    if (text.charCodeAt(index) !== FILLER_CODE) {
      index++;
      continue;
    }
    result += `${text.slice(pieceStart, index)} `;
    while (text.charCodeAt(index) === FILLER_CODE) index++;
    pieceStart = index;
  }
  return pieceStart === start ? text.slice(start, end) : result + text.slice(pieceStart, end);
}

/** Splits the name field text[start, end) at its first `<<`. */
export function splitName(text: string, start: number, end: number): SplitName {
  let separator = text.indexOf('<<', start);
  if (separator < 0 || separator + 2 > end) separator = end;
  return {
    surname: fillersToSpaces(text, start, separator),
    givenNames: separator >= end ? '' : fillersToSpaces(text, separator + 2, end),
  };
}

/** A name that reaches the field's last character may have been cut to fit (Doc 9303 Part 3, 4.6.4). */
export function nameFillsField(text: string, end: number): boolean {
  return text.charCodeAt(end - 1) !== FILLER_CODE;
}
