/** Stripping the filler `<` from fields, without regular expressions: this runs for every field of every parse. */

import { FILLER_CODE } from './check-digit.js';

/** text[start, end) without trailing fillers: codes and the document number. */
export function withoutTrailingFillers(text: string, start: number, end: number): string {
  while (end > start && text.charCodeAt(end - 1) === FILLER_CODE) end--;
  return text.slice(start, end);
}

/** text[start, end) without fillers at either end: optional data, which keeps its inner fillers. */
export function withoutFillersAtEnds(text: string, start: number, end: number): string {
  while (start < end && text.charCodeAt(start) === FILLER_CODE) start++;
  while (end > start && text.charCodeAt(end - 1) === FILLER_CODE) end--;
  return text.slice(start, end);
}
