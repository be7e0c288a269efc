import type { Direction } from '../../common/contract/config.js';
import type { DocumentCheck, VisaRequirement } from '../../common/contract/document-checks.js';
import type { MrzParsedResult } from '../../common/icao/index.js';
import type { DocumentHit, PersonHit } from '../../common/contract/alert-lists.js';

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (ISO dates, UTC), negative when `to` is earlier. */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / DAY_MS);
}

/** Age in whole years on `todayIso`, counting a 29 February birthday on 28 February in common years. */
export function ageInYears(birthIso: string, todayIso: string): number {
  const [by, bm, bd] = birthIso.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = todayIso.split('-').map(Number) as [number, number, number];
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age -= 1;
  return age;
}

export function mrzCheck(result: MrzParsedResult): DocumentCheck {
  if (!result.valid) {
    const first = result.errors[0];
    return { code: 'mrz', outcome: 'alert', reason: first?.code ?? 'invalid', message: `The MRZ is not intact: ${first?.message ?? 'see the checks'}` };
  }
  if (result.corrections.length > 0) {
    const fields = [...new Set(result.corrections.map((correction) => correction.field))].join(', ');
    return { code: 'mrz', outcome: 'notice', reason: 'corrected', message: `Read after correcting ${String(result.corrections.length)} misread character(s) in ${fields}` };
  }
  return { code: 'mrz', outcome: 'pass', reason: 'intact', message: 'The MRZ is intact' };
}

export function expiryCheck(expiryIso: string | null, todayIso: string, warnWithinDays: number): DocumentCheck {
  if (expiryIso === null) return { code: 'expiry', outcome: 'unavailable', reason: 'no-date', message: 'The expiry date cannot be read' };
  const days = daysBetween(todayIso, expiryIso);
  if (days < 0) return { code: 'expiry', outcome: 'alert', reason: 'expired', message: `The document expired ${String(-days)} day(s) ago, on ${expiryIso}` };
  if (days <= warnWithinDays) return { code: 'expiry', outcome: 'notice', reason: 'expiring-soon', message: `The document expires in ${String(days)} day(s), on ${expiryIso}` };
  return { code: 'expiry', outcome: 'pass', reason: 'in-date', message: `Valid until ${expiryIso}` };
}

export function minorCheck(birthIso: string | null, todayIso: string): DocumentCheck {
  if (birthIso === null) return { code: 'minor', outcome: 'unavailable', reason: 'no-date', message: 'The birth date cannot be read' };
  const age = ageInYears(birthIso, todayIso);
  if (age < 18) return { code: 'minor', outcome: 'alert', reason: 'minor', message: `A minor: ${String(age)} years old; check who travels with them and their consent` };
  return { code: 'minor', outcome: 'pass', reason: 'adult', message: `${String(age)} years old` };
}

export function visaCheck(nationality: string, requirement: VisaRequirement | undefined): DocumentCheck {
  switch (requirement) {
    case undefined:
      return { code: 'visa', outcome: 'unavailable', reason: 'no-rule', message: `No visa rule for nationality ${nationality} in the reference table` };
    case 'visa-free':
      return { code: 'visa', outcome: 'pass', reason: requirement, message: `${nationality}: no visa needed` };
    case 'visa-on-arrival':
    case 'e-visa':
    case 'visa-required':
      return { code: 'visa', outcome: 'alert', reason: requirement, message: `${nationality}: ${requirement.replace(/-/g, ' ')}; check the visa` };
  }
}

/** The traveller's last crossing, as the store finds it by document. */
export interface PreviousCrossing {
  readonly direction: Direction;
  readonly recordedAtMs: number;
}

/** An exit with no entry (or an entry with no exit) since the last crossing: the record of the other leg is missing. */
export function directionSequenceCheck(direction: Direction, previous: PreviousCrossing | undefined): DocumentCheck {
  if (previous === undefined) return { code: 'direction-sequence', outcome: 'pass', reason: 'first-crossing', message: 'No earlier crossing recorded here' };
  if (previous.direction === direction) {
    const missing = direction === 'exit' ? 'entry' : 'exit';
    return { code: 'direction-sequence', outcome: 'alert', reason: `no-${missing}`, message: `The last crossing was also an ${direction}: no ${missing} recorded in between` };
  }
  return { code: 'direction-sequence', outcome: 'pass', reason: 'alternates', message: `Last crossing: ${previous.direction}` };
}

export function duplicateScanCheck(lastScanMs: number | undefined, nowMs: number, windowMs: number): DocumentCheck {
  if (lastScanMs !== undefined && nowMs - lastScanMs >= 0 && nowMs - lastScanMs <= windowMs) {
    const seconds = Math.round((nowMs - lastScanMs) / 1000);
    return { code: 'duplicate-scan', outcome: 'notice', reason: 'rescanned', message: `The same document was scanned ${String(seconds)} s ago` };
  }
  return { code: 'duplicate-scan', outcome: 'pass', reason: 'first-scan', message: 'Not scanned recently' };
}

/**
 * Expiry, age and shift figures all depend on the wall clock; an appliance
 * whose clock jumped (relative to the monotonic clock) must say so.
 */
export function clockCheck(wallDriftMs: number, toleranceMs: number): DocumentCheck {
  if (Math.abs(wallDriftMs) > toleranceMs) {
    const direction = wallDriftMs > 0 ? 'forward' : 'back';
    return { code: 'clock', outcome: 'alert', reason: 'clock-jumped', message: `The clock jumped ${direction} by ${String(Math.round(Math.abs(wallDriftMs) / 1000))} s since start-up; dates may be wrong` };
  }
  return { code: 'clock', outcome: 'pass', reason: 'steady', message: 'The clock is steady' };
}

/** What the alert-list check saw: each list's version (0 when none has arrived) and its hits. */
export interface AlertListFindings {
  readonly documentListVersion: number;
  readonly documentHits: readonly DocumentHit[];
  readonly personListVersion: number;
  readonly personHits: readonly PersonHit[];
}

/**
 * The alert-list check: the document against the listed documents, the
 * traveller against the listed persons. A listed document comes first (it is
 * certain; a person hit is a score), then the best person hit. Without a
 * list from central, the check says which part could not run.
 */
export function alertListCheck(findings: AlertListFindings): DocumentCheck {
  const { documentListVersion, documentHits, personListVersion, personHits } = findings;
  if (documentListVersion === 0 && personListVersion === 0) return { code: 'alert-list', outcome: 'unavailable', reason: 'no-lists', message: 'Alert lists are not available on this appliance yet' };
  const [hit] = [...documentHits].sort((a, b) => (a.how === b.how ? 0 : a.how === 'exact' ? -1 : 1));
  if (hit !== undefined) {
    const { reason, source, reportedAt } = hit.entry;
    return {
      code: 'alert-list',
      outcome: 'alert',
      reason: hit.how === 'exact' ? 'document-listed' : 'document-listed-ocr',
      message:
        hit.how === 'exact'
          ? `The document is listed as ${reason} (${source}, ${reportedAt})`
          : `A document differing only in OCR-confusable characters is listed as ${reason} (${source}, ${reportedAt}): compare the printed number`,
    };
  }
  const [person] = personHits;
  if (person !== undefined) {
    const others = personHits.length - 1;
    return {
      code: 'alert-list',
      outcome: 'alert',
      reason: 'person-listed',
      message: `The traveller may be a listed person (${person.entry.category}, action: ${person.entry.action}, score ${person.score.toFixed(2)})${others > 0 ? ` and ${String(others)} more` : ''}`,
    };
  }
  if (personListVersion === 0) return { code: 'alert-list', outcome: 'pass', reason: 'document-not-listed', message: 'The document is not listed; no person list on this appliance yet' };
  if (documentListVersion === 0) return { code: 'alert-list', outcome: 'pass', reason: 'person-not-listed', message: 'No listed person matches; no document list on this appliance yet' };
  return { code: 'alert-list', outcome: 'pass', reason: 'not-listed', message: 'Neither the document nor the traveller is listed' };
}
