import { describe, expect, it } from 'vitest';
import { ageOn, checksInOrder, daysSince, expiryState } from '../../../renderer/lane/card-facts.js';

describe('what the card says of a document', () => {
  it('flags an expired document and one that expires within six months', () => {
    expect(expiryState('2026-12-06', '2026-12-07')).toBe('expired');
    expect(expiryState('2026-12-07', '2026-12-07')).toBe('expires-soon');
    expect(expiryState('2027-06-07', '2026-12-07')).toBe('expires-soon');
    expect(expiryState('2027-06-08', '2026-12-07')).toBe('valid');
    expect(expiryState(null, '2026-12-07')).toBe('unknown');
  });

  it('counts age in whole years, a minor until the 18th birthday', () => {
    expect(ageOn('2008-12-08', '2026-12-07')).toBe(17);
    expect(ageOn('2008-12-07', '2026-12-07')).toBe(18);
    expect(ageOn('2004-02-29', '2026-02-28')).toBe(21);
  });

  it('counts the length of stay in calendar days', () => {
    expect(daysSince(new Date(2026, 11, 1, 23, 50), new Date(2026, 11, 7, 0, 10))).toBe(6);
    expect(daysSince(new Date(2026, 11, 7, 8), new Date(2026, 11, 7, 9))).toBe(0);
  });

  it('lists failed checks first, passed ones last', () => {
    const ordered = checksInOrder([
      { code: 'clock', outcome: 'pass', reason: 'steady', message: '' },
      { code: 'alert-list', outcome: 'unavailable', reason: 'no-lists', message: '' },
      { code: 'mrz', outcome: 'notice', reason: 'corrected', message: '' },
      { code: 'expiry', outcome: 'alert', reason: 'expired', message: '' },
    ]);
    expect(ordered.map((check) => check.outcome)).toEqual(['alert', 'notice', 'unavailable', 'pass']);
  });
});
