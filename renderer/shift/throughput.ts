import type { LaneHour } from '../../main/common/contract/crossing.js';

const HOUR_MS = 3_600_000;

export interface HourTotals {
  /** The hour's start, epoch ms. */
  readonly hour: number;
  readonly admitted: number;
  readonly refused: number;
  readonly referred: number;
  readonly entries: number;
  readonly exits: number;
}

/**
 * Every hour of the period up to the current one, quiet hours included (a
 * chart that skipped them would join the busy hours around a gap), summed
 * over the chosen lane or all of them.
 */
export function hourlyTotals(rows: readonly LaneHour[], lane: number | 'all', hours: number, now: Date): HourTotals[] {
  const last = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const first = last - (hours - 1) * HOUR_MS;
  const byHour = new Map<number, HourTotals>();
  for (let hour = first; hour <= last; hour += HOUR_MS) byHour.set(hour, { hour, admitted: 0, refused: 0, referred: 0, entries: 0, exits: 0 });
  for (const row of rows) {
    if (lane !== 'all' && row.lane !== lane) continue;
    const hour = Date.parse(row.hour);
    const totals = byHour.get(hour);
    if (totals === undefined) continue;
    byHour.set(hour, {
      hour,
      admitted: totals.admitted + row.admitted,
      refused: totals.refused + row.refused,
      referred: totals.referred + row.referred,
      entries: totals.entries + row.entries,
      exits: totals.exits + row.exits,
    });
  }
  return [...byHour.values()];
}

/** The lanes that recorded anything, in order: what the lane filter offers besides "all". */
export function lanesOf(rows: readonly LaneHour[]): number[] {
  return [...new Set(rows.map((row) => row.lane))].sort((a, b) => a - b);
}
