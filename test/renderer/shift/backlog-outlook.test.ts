import { describe, expect, it } from 'vitest';
import { backlogOutlook } from '../../../renderer/shift/backlog-outlook.js';

describe("the backlog panel's outlook", () => {
  it('says how long is left at the measured rate, how far the drain has come, or that it waits and why', () => {
    expect(backlogOutlook({ backlog: 0, backlogPeak: 0, drainPerSecond: null, state: 'idle' })).toEqual({ kind: 'empty' });
    expect(backlogOutlook({ backlog: 3000, backlogPeak: 5000, drainPerSecond: 20, state: 'sending' })).toEqual({ kind: 'draining', count: 3000, perSecond: 20, minutesLeft: 3, underAMinute: false, sent: 2000, of: 5000 });
    expect(backlogOutlook({ backlog: 100, backlogPeak: 5000, drainPerSecond: 20, state: 'sending' })).toMatchObject({ kind: 'draining', minutesLeft: 1, underAMinute: true });
    expect(backlogOutlook({ backlog: 40, backlogPeak: 40, drainPerSecond: null, state: 'offline' })).toEqual({ kind: 'stalled', count: 40, state: 'offline', sent: 0, of: 40 });
  });
});
