import { describe, expect, it } from 'vitest';
import { DrainRate } from '../../../sync/relay/drain-rate.js';

describe("the relay's drain rate", () => {
  it('is the delivery over the last half minute, null until there is some, and the backlog peak resets once empty', () => {
    const drain = new DrainRate();
    drain.observe(0, 0, 500);
    expect(drain.perSecond(0)).toBeNull();
    drain.observe(2_000, 100, 400);
    drain.observe(4_000, 200, 300);
    expect(drain.perSecond(4_000)).toBe(50);
    expect(drain.backlogPeak).toBe(500);
    // A stall: the rate falls as the window moves past the progress, and is gone once none is left in it.
    drain.observe(20_000, 200, 300);
    expect(drain.perSecond(20_000)).toBe(10);
    drain.observe(40_000, 200, 300);
    drain.observe(60_000, 200, 300);
    expect(drain.perSecond(60_000)).toBeNull();
    drain.observe(61_000, 500, 0);
    expect(drain.backlogPeak).toBe(0);
  });
});
