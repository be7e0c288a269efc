import type { Database, Statement } from 'better-sqlite3';
import * as z from 'zod';
import type { LaneHour } from '../../common/contract/crossing.js';

const HOUR_MS = 3_600_000;

const LaneHourRow = z.object({ lane: z.number().int(), hour: z.number().int(), decision: z.enum(['admit', 'refuse', 'refer']), count: z.number().int() });

/** The supervisor's views. Every row read back is validated; a damaged one is reported, never shown as data. */
export class CrossingQueries {
  private readonly laneActivityStatement: Statement<[number]>;

  constructor(db: Database) {
    // Voided crossings are left out: a void says the crossing did not happen as recorded.
    this.laneActivityStatement = db.prepare(`
      SELECT lane, recorded_at / ${String(HOUR_MS)} AS hour, decision, count(*) AS count
      FROM crossings c
      WHERE recorded_at >= ? AND NOT EXISTS (SELECT 1 FROM voids v WHERE v.crossing_id = c.id)
      GROUP BY lane, hour, decision
      ORDER BY hour, lane`);
  }

  laneActivity(hours: number, now: Date): LaneHour[] {
    const since = Math.floor((now.getTime() - hours * HOUR_MS) / HOUR_MS) * HOUR_MS;
    const byLaneHour = new Map<string, LaneHour>();
    for (const raw of this.laneActivityStatement.all(since)) {
      const row = LaneHourRow.parse(raw);
      const key = `${String(row.lane)}:${String(row.hour)}`;
      const entry = byLaneHour.get(key) ?? { lane: row.lane, hour: new Date(row.hour * HOUR_MS).toISOString(), admitted: 0, refused: 0, referred: 0 };
      const field = row.decision === 'admit' ? 'admitted' : row.decision === 'refuse' ? 'refused' : 'referred';
      byLaneHour.set(key, { ...entry, [field]: entry[field] + row.count });
    }
    return [...byLaneHour.values()];
  }

}
