import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMrz, parseMrz, type MrzParsedResult } from '../../../../main/common/icao/index.js';
import {
  ageInYears,
  clockCheck,
  directionSequenceCheck,
  duplicateScanCheck,
  expiryCheck,
  minorCheck,
  mrzCheck,
  visaCheck,
} from '../../../../main/core/checks/document-checks.js';
import { SPECIMEN_PASSPORT } from '../../../rigs/specimens.js';


function parsed(zone: string): MrzParsedResult {
  const result = parseMrz(zone, { today: new Date('2026-11-28T12:00:00Z') });
  if (result.format === null) throw new Error('not a zone');
  return result;
}

describe('the MRZ check', () => {
  it('passes an intact zone, notes a corrected one, and alerts on a broken one', () => {
    const zone = formatMrz(SPECIMEN_PASSPORT, 'TD3');
    expect(mrzCheck(parsed(zone))).toMatchObject({ outcome: 'pass' });
    expect(mrzCheck(parsed(zone.replace('7408122', '74O8122')))).toMatchObject({ outcome: 'notice', reason: 'corrected', message: expect.stringContaining('birthDate') });
    // The document number may hold O and 0 alike, so the same misread there is no correction: the
    // guard is told the zone is broken, and why the engine did not settle it.
    expect(mrzCheck(parsed(zone.replace('L898902C3', 'L8989O2C3')))).toMatchObject({
      outcome: 'alert',
      reason: 'check-digit-mismatch',
      message: expect.stringContaining("documentNumber position 5 'O' as '0' would satisfy it"),
    });
    // A digit changed to another digit is no OCR confusion: nothing to repair, so the zone is broken.
    expect(mrzCheck(parsed(zone.replace('7408122', '7408132')))).toMatchObject({ outcome: 'alert', reason: 'check-digit-mismatch' });
  });
});

describe('the expiry check', () => {
  it('alerts on an expired document, notes one expiring within the window, passes the rest', () => {
    expect(expiryCheck('2026-11-27', '2026-11-28', 30)).toMatchObject({ outcome: 'alert', reason: 'expired', message: expect.stringContaining('1 day(s) ago') });
    expect(expiryCheck('2026-11-28', '2026-11-28', 30)).toMatchObject({ outcome: 'notice', reason: 'expiring-soon' });
    expect(expiryCheck('2026-12-28', '2026-11-28', 30)).toMatchObject({ outcome: 'notice', reason: 'expiring-soon' });
    expect(expiryCheck('2026-12-29', '2026-11-28', 30)).toMatchObject({ outcome: 'pass' });
    expect(expiryCheck(null, '2026-11-28', 30)).toMatchObject({ outcome: 'unavailable' });
  });
});

describe('the minor check', () => {
  it('counts birthdays exactly, including 29 February', () => {
    expect(ageInYears('2008-11-28', '2026-11-28')).toBe(18);
    expect(ageInYears('2008-11-29', '2026-11-28')).toBe(17);
    expect(ageInYears('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageInYears('2008-02-29', '2026-03-01')).toBe(18);
    expect(minorCheck('2008-11-29', '2026-11-28')).toMatchObject({ outcome: 'alert', reason: 'minor' });
    expect(minorCheck('2008-11-28', '2026-11-28')).toMatchObject({ outcome: 'pass' });
  });

  it('never gives a negative or off-by-more-than-one age', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2026-11-28'), noInvalidDate: true }), (birth) => {
        const birthIso = birth.toISOString().slice(0, 10);
        const age = ageInYears(birthIso, '2026-11-28');
        const approximate = (Date.parse('2026-11-28') - Date.parse(birthIso)) / (365.2425 * 86_400_000);
        return age >= 0 && Math.abs(age - approximate) < 1.01;
      }),
    );
  });
});

describe('the visa check', () => {
  it('reads the reference table, and says when it has no rule', () => {
    expect(visaCheck('UTO', 'visa-free')).toMatchObject({ outcome: 'pass' });
    expect(visaCheck('UTO', 'visa-required')).toMatchObject({ outcome: 'alert', reason: 'visa-required' });
    expect(visaCheck('UTO', undefined)).toMatchObject({ outcome: 'unavailable', reason: 'no-rule' });
  });
});

describe('the direction-sequence check', () => {
  it('alerts on an exit after an exit (no entry recorded) and an entry after an entry', () => {
    expect(directionSequenceCheck('exit', { direction: 'exit', recordedAtMs: 0 })).toMatchObject({ outcome: 'alert', reason: 'no-entry' });
    expect(directionSequenceCheck('entry', { direction: 'entry', recordedAtMs: 0 })).toMatchObject({ outcome: 'alert', reason: 'no-exit' });
    expect(directionSequenceCheck('exit', { direction: 'entry', recordedAtMs: 0 })).toMatchObject({ outcome: 'pass' });
    expect(directionSequenceCheck('entry', undefined)).toMatchObject({ outcome: 'pass', reason: 'first-crossing' });
  });
});

describe('the duplicate-scan and clock checks', () => {
  it('notes a rescan within the window only', () => {
    expect(duplicateScanCheck(1_000, 31_000, 60_000)).toMatchObject({ outcome: 'notice', message: expect.stringContaining('30 s ago') });
    expect(duplicateScanCheck(1_000, 61_001, 60_000)).toMatchObject({ outcome: 'pass' });
    expect(duplicateScanCheck(undefined, 61_001, 60_000)).toMatchObject({ outcome: 'pass' });
  });

  it('alerts when the wall clock moved against the monotonic clock beyond the tolerance', () => {
    expect(clockCheck(90_000, 60_000)).toMatchObject({ outcome: 'alert', message: expect.stringContaining('forward by 90 s') });
    expect(clockCheck(-90_000, 60_000)).toMatchObject({ outcome: 'alert', message: expect.stringContaining('back by 90 s') });
    expect(clockCheck(500, 60_000)).toMatchObject({ outcome: 'pass' });
  });
});
