/**
 * The working state of one parse: the zone as corrected so far, and what has been found. Kept in
 * one object so that the steps in parse.ts and correction.ts can share it without allocation.
 */

import type { MrzCheck, MrzCorrection, MrzError, MrzErrorCode, MrzFieldName, MrzWarning, MrzWarningCode } from './result.js';

export interface Reading {
  /** The zone's lines concatenated, with every correction applied so far. */
  zone: string;
  readonly errors: MrzError[];
  readonly warnings: MrzWarning[];
  readonly corrections: MrzCorrection[];
  readonly checks: MrzCheck[];
}

export function newReading(zone: string): Reading {
  return { zone, errors: [], warnings: [], corrections: [], checks: [] };
}

export function addError(reading: Reading, code: MrzErrorCode, field: MrzFieldName, message: string): void {
  reading.errors.push({ code, field, message });
}

export function addWarning(reading: Reading, code: MrzWarningCode, field: MrzFieldName, message: string): void {
  reading.warnings.push({ code, field, message });
}

/** Replaces the character at zoneIndex, recording the correction at `position` within `field`. */
export function correctCharacter(reading: Reading, zoneIndex: number, to: string, field: MrzFieldName, position: number): void {
  const zone = reading.zone;
  const from = zone.charAt(zoneIndex);
  reading.zone = zone.slice(0, zoneIndex) + to + zone.slice(zoneIndex + 1);
  reading.corrections.push({ field, position, from, to });
}

/** A character for messages: printable ones quoted, others as their code point. */
export function describeCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  return code >= 0x21 && code <= 0x7e ? `'${character}'` : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
