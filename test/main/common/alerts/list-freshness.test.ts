import { describe, expect, it } from 'vitest';
import { listFreshness } from '../../../../main/common/alerts/list-freshness.js';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-12-07T08:00:00Z');

describe('an alert list\'s freshness', () => {
  it('is fresh up to exactly the maximum age, and stale one millisecond later', () => {
    expect(listFreshness('document-list', { version: 3, vouchedAtMs: NOW - 24 * HOUR }, NOW, 24 * HOUR)).toEqual({
      kind: 'document-list',
      version: 3,
      vouchedAt: '2026-12-06T08:00:00.000Z',
      ageMs: 24 * HOUR,
      state: 'fresh',
    });
    expect(listFreshness('document-list', { version: 3, vouchedAtMs: NOW - 24 * HOUR - 1 }, NOW, 24 * HOUR).state).toBe('stale');
  });

  it('is unavailable when never received, whether there is no row or version 0', () => {
    for (const vouch of [undefined, { version: 0, vouchedAtMs: NOW }]) {
      expect(listFreshness('person-list', vouch, NOW, HOUR)).toEqual({ kind: 'person-list', version: 0, vouchedAt: null, ageMs: null, state: 'unavailable' });
    }
  });

  it('counts a vouch from a clock ahead of this one as age 0, never negative', () => {
    expect(listFreshness('document-list', { version: 1, vouchedAtMs: NOW + 5000 }, NOW, HOUR)).toMatchObject({ ageMs: 0, state: 'fresh' });
  });
});
