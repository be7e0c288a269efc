import { describe, expect, it } from 'vitest';
import { LAYOUTS, MRZ_FORMATS, layoutForShape } from '../../../../main/common/icao/formats.js';
import type { Layout, Span } from '../../../../main/common/icao/formats.js';

function lines(count: number, length: number, first = 'P'): string[] {
  return Array.from({ length: count }, (_, index) => (index === 0 ? first : '').padEnd(length, '<'));
}

describe('layout by shape and document code', () => {
  it('tells the five formats apart', () => {
    expect(layoutForShape(lines(3, 30, 'I'))?.format).toBe('TD1');
    expect(layoutForShape(lines(2, 36, 'I'))?.format).toBe('TD2');
    expect(layoutForShape(lines(2, 36, 'V'))?.format).toBe('MRV-B');
    expect(layoutForShape(lines(2, 44, 'P'))?.format).toBe('TD3');
    expect(layoutForShape(lines(2, 44, 'V'))?.format).toBe('MRV-A');
  });

  it('refuses other shapes', () => {
    expect(layoutForShape([])).toBeNull();
    expect(layoutForShape(lines(1, 44))).toBeNull();
    expect(layoutForShape(lines(2, 30))).toBeNull();
    expect(layoutForShape(lines(3, 44))).toBeNull();
    expect(layoutForShape(['P'.padEnd(44, '<'), ''.padEnd(43, '<')])).toBeNull();
  });
});

/** Every position of the zone belongs to exactly one field or check digit. */
function coverage(layout: Layout): number[] {
  const counts = new Array<number>(layout.lineCount * layout.lineLength).fill(0);
  const mark = (span: Span): void => {
    for (let index = span.start; index < span.end; index++) counts[index] = (counts[index] ?? 0) + 1;
  };
  const markOne = (index: number | null): void => {
    if (index !== null) mark({ start: index, end: index + 1 });
  };
  for (const span of [layout.documentCode, layout.issuingState, layout.name, layout.documentNumber, layout.nationality, layout.birthDate, layout.expiryDate, layout.optionalData]) mark(span);
  if (layout.optionalData2 !== null) mark(layout.optionalData2);
  for (const index of [layout.documentNumberCheck, layout.birthDateCheck, layout.expiryDateCheck, layout.sex, layout.optionalDataCheck, layout.compositeCheck]) markOne(index);
  return counts;
}

describe('layouts', () => {
  it.each(MRZ_FORMATS)('%s places every character in exactly one field', (format) => {
    const layout = LAYOUTS[format];
    expect(coverage(layout).every((count) => count === 1)).toBe(true);
  });

  it('gives composite check digits only to TD1, TD2 and TD3', () => {
    expect(LAYOUTS.TD1.compositeCheck).toBe(59);
    expect(LAYOUTS.TD2.compositeCheck).toBe(71);
    expect(LAYOUTS.TD3.compositeCheck).toBe(87);
    expect(LAYOUTS['MRV-A'].compositeCheck).toBeNull();
    expect(LAYOUTS['MRV-B'].compositeCheck).toBeNull();
  });

  it('lets only TD1 and TD2 document numbers overflow', () => {
    expect(MRZ_FORMATS.filter((format) => LAYOUTS[format].documentNumberMayOverflow)).toEqual(['TD1', 'TD2']);
  });

  it('covers in the composite what Doc 9303 lists', () => {
    const length = (spans: readonly Span[]): number => spans.reduce((sum, span) => sum + span.end - span.start, 0);
    // TD1: line 1 from the number on (25), birth date + check (7), expiry + check (7), optional data 2 (11).
    expect(length(LAYOUTS.TD1.compositeSpans)).toBe(50);
    // TD2: number + check (10), birth date + check (7), expiry + check + optional data (14).
    expect(length(LAYOUTS.TD2.compositeSpans)).toBe(31);
    // TD3: number + check (10), birth date + check (7), expiry + check + personal number + check (22).
    expect(length(LAYOUTS.TD3.compositeSpans)).toBe(39);
  });
});
