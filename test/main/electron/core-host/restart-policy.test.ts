import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DEFAULT_RESTART_POLICY, RestartPolicy, restartDelayMs, type RestartPolicyOptions } from '../../../../main/electron/core-host/restart-policy.js';

const policy: RestartPolicyOptions = { initialDelayMs: 500, maxDelayMs: 30_000, multiplier: 2, jitterRatio: 0.2, healthyAfterMs: 60_000 };
const middle = () => 0.5;

describe('restart delay', () => {
  test('doubles per consecutive failure without jitter at the midpoint', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => restartDelayMs(attempt, policy, middle))).toEqual([500, 1000, 2000, 4000, 8000]);
  });

  test('is capped, jitter included', () => {
    expect(restartDelayMs(7, policy, middle)).toBe(30_000);
    expect(restartDelayMs(50, policy, () => 0.999)).toBe(30_000);
    expect(restartDelayMs(1000, policy, middle)).toBe(30_000);
  });

  test('spreads by the jitter ratio', () => {
    expect(restartDelayMs(1, policy, () => 0)).toBe(400);
    expect(restartDelayMs(1, policy, () => 0.999999)).toBe(600);
  });

  test('stays within [base*(1-j), min(cap, base*(1+j))] for any attempt and random value (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, random) => {
        const delay = restartDelayMs(attempt, policy, () => random);
        const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (attempt - 1));
        return delay >= Math.floor(base * (1 - policy.jitterRatio)) && delay <= Math.min(policy.maxDelayMs, Math.ceil(base * (1 + policy.jitterRatio)));
      }),
    );
  });

  test('has sensible defaults: sub-second first retry, capped well under a minute', () => {
    expect(DEFAULT_RESTART_POLICY.initialDelayMs).toBeLessThanOrEqual(1000);
    expect(DEFAULT_RESTART_POLICY.maxDelayMs).toBeLessThanOrEqual(60_000);
    expect(DEFAULT_RESTART_POLICY.healthyAfterMs).toBeGreaterThan(DEFAULT_RESTART_POLICY.maxDelayMs);
  });
});

describe('the restart policy', () => {
  test('backs off across consecutive failures', () => {
    const restarts = new RestartPolicy(policy, middle);
    expect(restarts.planAfterExit(1_000, undefined)).toEqual({ attempt: 1, delayMs: 500 });
    expect(restarts.planAfterExit(2_000, undefined)).toEqual({ attempt: 2, delayMs: 1000 });
    expect(restarts.planAfterExit(4_000, 3_500)).toEqual({ attempt: 3, delayMs: 2000 });
  });

  test('starts afresh after the core ran healthily for the healthy period', () => {
    const restarts = new RestartPolicy(policy, middle);
    restarts.planAfterExit(1_000, undefined);
    restarts.planAfterExit(2_000, undefined);
    expect(restarts.planAfterExit(200_000, 200_000 - 60_000)).toEqual({ attempt: 1, delayMs: 500 });
  });

  test('does not reset when the core died just short of the healthy period', () => {
    const restarts = new RestartPolicy(policy, middle);
    restarts.planAfterExit(1_000, undefined);
    expect(restarts.planAfterExit(100_000, 100_000 - 59_999)).toEqual({ attempt: 2, delayMs: 1000 });
  });
});
