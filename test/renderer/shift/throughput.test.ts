import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LaneHour } from '../../../main/common/contract/crossing.js';
import { hourlyTotals, lanesOf } from '../../../renderer/shift/throughput.js';

const HOUR_MS = 3_600_000;
const NOW = new Date('2026-12-07T14:20:00.000Z');

function row(lane: number, hoursAgo: number, counts: Partial<LaneHour> = {}): LaneHour {
  const hour = new Date(Math.floor(NOW.getTime() / HOUR_MS) * HOUR_MS - hoursAgo * HOUR_MS).toISOString();
  return { lane, hour, admitted: 0, refused: 0, referred: 0, entries: 0, exits: 0, ...counts };
}

describe('hourly totals for the shift charts', () => {
  it('has every hour of the period, quiet ones as zero, the current hour last', () => {
    const totals = hourlyTotals([row(3, 2, { admitted: 4, entries: 4 })], 'all', 8, NOW);
    expect(totals).toHaveLength(8);
    expect(totals.at(-1)?.hour).toBe(Date.parse('2026-12-07T14:00:00.000Z'));
    expect(totals.map((hour) => hour.admitted)).toEqual([0, 0, 0, 0, 0, 4, 0, 0]);
  });

  it('sums the lanes, or keeps one, and leaves out hours before the period', () => {
    const rows = [row(3, 0, { admitted: 2, exits: 2 }), row(4, 0, { refused: 1, entries: 1 }), row(3, 30, { referred: 9, entries: 9 })];
    expect(hourlyTotals(rows, 'all', 24, NOW).at(-1)).toMatchObject({ admitted: 2, refused: 1, entries: 1, exits: 2 });
    expect(hourlyTotals(rows, 4, 24, NOW).at(-1)).toMatchObject({ admitted: 0, refused: 1 });
    expect(hourlyTotals(rows, 'all', 24, NOW).reduce((sum, hour) => sum + hour.referred, 0)).toBe(0);
    expect(lanesOf(rows)).toEqual([3, 4]);
  });

  it('never loses or invents a crossing of the period, however the rows fall', () => {
    const rows = fc.array(
      fc.record({ lane: fc.integer({ min: 1, max: 4 }), ago: fc.integer({ min: 0, max: 30 }), admitted: fc.nat(50), refused: fc.nat(50), referred: fc.nat(50) }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 24 }), (drawn, hours) => {
        const laneHours = drawn.map((r) => row(r.lane, r.ago, { admitted: r.admitted, refused: r.refused, referred: r.referred, entries: r.admitted + r.refused + r.referred }));
        const inPeriod = drawn.filter((r) => r.ago < hours);
        const totals = hourlyTotals(laneHours, 'all', hours, NOW);
        const sum = (pick: (h: { admitted: number; refused: number; referred: number }) => number, list: readonly { admitted: number; refused: number; referred: number }[]) => list.reduce((s, h) => s + pick(h), 0);
        expect(sum((h) => h.admitted + h.refused + h.referred, totals)).toBe(sum((h) => h.admitted + h.refused + h.referred, inPeriod));
        expect(totals.reduce((s, h) => s + h.entries + h.exits, 0)).toBe(sum((h) => h.admitted + h.refused + h.referred, inPeriod));
      }),
    );
  });
});
