import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelayMs, type BackoffPolicy } from '../../../../main/common/backoff/backoff.js';

const policies: fc.Arbitrary<BackoffPolicy> = fc.record(
  {
    initialMs: fc.integer({ min: 1, max: 10_000 }),
    maxMs: fc.integer({ min: 1, max: 600_000 }),
    multiplier: fc.double({ min: 1, max: 4, noNaN: true }),
    jitterRatio: fc.double({ min: 0, max: 0.9, noNaN: true }),
  },
  { requiredKeys: ['initialMs', 'maxMs'] },
);
const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('the one backoff', () => {
  it('doubles from the first delay and stops at the cap when jitter sits in the middle', () => {
    const policy: BackoffPolicy = { initialMs: 250, maxMs: 5000 };
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((attempt) => backoffDelayMs(policy, attempt, () => 0.5))).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000, 5000]);
  });

  it('never waits longer than the cap or less than nothing, whatever the attempt count', () => {
    fc.assert(
      fc.property(policies, fc.integer({ min: -5, max: 1_000_000 }), unit, (policy, attempt, random) => {
        const delay = backoffDelayMs(policy, attempt, () => random);
        expect(Number.isInteger(delay)).toBe(true);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(policy.maxMs);
      }),
    );
  });

  it('stays within the jitter band around the capped exponential', () => {
    fc.assert(
      fc.property(policies, fc.integer({ min: 1, max: 40 }), unit, (policy, attempt, random) => {
        const jitter = policy.jitterRatio ?? 0.2;
        const base = Math.min(policy.maxMs, policy.initialMs * (policy.multiplier ?? 2) ** (attempt - 1));
        const delay = backoffDelayMs(policy, attempt, () => random);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(base * (1 - jitter)) - 1);
        expect(delay).toBeLessThanOrEqual(Math.min(policy.maxMs, Math.ceil(base * (1 + jitter)) + 1));
      }),
    );
  });

  it('never shrinks from one attempt to the next when the random draw is the same', () => {
    fc.assert(
      fc.property(policies, fc.integer({ min: 1, max: 60 }), unit, (policy, attempt, random) => {
        expect(backoffDelayMs(policy, attempt + 1, () => random)).toBeGreaterThanOrEqual(backoffDelayMs(policy, attempt, () => random));
      }),
    );
  });

  it('spreads lanes that fail together: different draws give different delays', () => {
    const policy: BackoffPolicy = { initialMs: 1000, maxMs: 60_000 };
    expect(backoffDelayMs(policy, 3, () => 0)).toBe(3200);
    expect(backoffDelayMs(policy, 3, () => 0.999)).toBe(4798);
  });
});
