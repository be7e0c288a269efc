import type { Database, Statement } from 'better-sqlite3';
import * as z from 'zod';
import type { LaneHour, RecentCrossing, RecentCrossings } from '../../common/contract/crossing.js';
import { readStoredCrossing, readStoredVoid } from './stored-records.js';

const HOUR_MS = 3_600_000;

const RecentRow = z.object({ id: z.string(), body: z.unknown(), void_body: z.unknown() });

const LaneHourRow = z.object({ lane: z.number().int(), hour: z.number().int(), decision: z.enum(['admit', 'refuse', 'refer']), direction: z.enum(['entry', 'exit']), count: z.number().int() });

/** The supervisor's views. Every row read back is validated; a damaged one is reported, never shown as data. */
export class CrossingQueries {
  private readonly laneActivityStatement: Statement<[number]>;
  private readonly recentStatement: Statement<[number, number]>;

  constructor(db: Database) {
    // Voided crossings are left out: a void says the crossing did not happen as recorded.
    this.laneActivityStatement = db.prepare(`
      SELECT lane, recorded_at / ${String(HOUR_MS)} AS hour, decision, direction, count(*) AS count
      FROM crossings c
      WHERE recorded_at >= ? AND NOT EXISTS (SELECT 1 FROM voids v WHERE v.crossing_id = c.id)
      GROUP BY lane, hour, decision, direction
      ORDER BY hour, lane`);
    this.recentStatement = db.prepare('SELECT c.id, c.body, v.body AS void_body FROM crossings c LEFT JOIN voids v ON v.crossing_id = c.id WHERE c.recorded_at >= ? ORDER BY c.recorded_at DESC LIMIT ?');
  }

  /**
   * The latest crossings of the last hours, newest first, each with its void
   * if it has one. A row that no longer reads back is counted, not shown: one
   * damaged record must not hide the others from the supervisor.
   */
  recent(hours: number, limit: number, now: Date): RecentCrossings {
    const crossings: RecentCrossing[] = [];
    let damaged = 0;
    for (const raw of this.recentStatement.all(now.getTime() - hours * HOUR_MS, limit)) {
      const row = RecentRow.parse(raw);
      const stored = readStoredCrossing(row.body);
      const voided = row.void_body === null ? undefined : readStoredVoid(row.void_body);
      if (!stored.ok || (voided !== undefined && !voided.ok)) {
        damaged += 1;
        continue;
      }
      const { record } = stored;
      const fields = record.document.fields;
      crossings.push({
        id: record.id,
        seq: record.seq,
        recordedAt: record.recordedAt,
        lane: record.lane,
        direction: record.direction,
        outcome: record.decision.outcome,
        officerId: record.officerId,
        documentNumber: fields.documentNumber,
        issuingState: fields.issuingState,
        surname: fields.surname,
        givenNames: fields.givenNames,
        voided: voided === undefined ? null : { officerId: voided.record.officerId, reason: voided.record.reason, at: voided.record.recordedAt },
      });
    }
    return { crossings, damaged };
  }


  laneActivity(hours: number, now: Date): LaneHour[] {
    const since = Math.floor((now.getTime() - hours * HOUR_MS) / HOUR_MS) * HOUR_MS;
    const byLaneHour = new Map<string, LaneHour>();
    for (const raw of this.laneActivityStatement.all(since)) {
      const row = LaneHourRow.parse(raw);
      const key = `${String(row.lane)}:${String(row.hour)}`;
      const entry = byLaneHour.get(key) ?? { lane: row.lane, hour: new Date(row.hour * HOUR_MS).toISOString(), admitted: 0, refused: 0, referred: 0, entries: 0, exits: 0 };
      const decided = row.decision === 'admit' ? 'admitted' : row.decision === 'refuse' ? 'refused' : 'referred';
      const went = row.direction === 'entry' ? 'entries' : 'exits';
      byLaneHour.set(key, { ...entry, [decided]: entry[decided] + row.count, [went]: entry[went] + row.count });
    }
    return [...byLaneHour.values()];
  }

}
