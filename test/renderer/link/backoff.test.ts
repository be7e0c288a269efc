import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from '../../../renderer/link/backoff.js';

describe('reconnect backoff', () => {
  it('starts near 250 ms and doubles', () => {
    expect(reconnectDelayMs(1, () => 0.5)).toBe(250);
    expect(reconnectDelayMs(2, () => 0.5)).toBe(500);
    expect(reconnectDelayMs(3, () => 0.5)).toBe(1000);
  });

  it('never waits more than 6.25 s nor less than 187 ms, whatever the attempt and jitter', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, jitter) => {
        const delay = reconnectDelayMs(attempt, () => jitter);
        return delay >= 187 && delay <= 6250;
      }),
    );
  });
});
