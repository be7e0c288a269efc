import type { Database, Statement } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import * as z from 'zod';
import { ResolutionRecord, type RecordedAnswer, type Referral, type ReferralOutcome } from '../../common/contract/crossing.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import { readStoredCrossing, storedBody } from '../capture/stored-records.js';
import { recordNotKept } from '../capture/store-errors.js';
import { DamagedDataError, DomainError, InvalidRequestError } from '../errors/domain-errors.js';
import { enqueue } from '../outbox/outbox.js';

const MINUTE_MS = 60_000;
/**
 * How far back the queue looks: it reads the referred crossings by time
 * (an index of referrals only), and every resolved one in the window costs a
 * lookup. A referral open this long was flagged overdue weeks before; it can
 * still be taken and resolved by its id.
 */
const QUEUE_WINDOW_MS = 31 * 24 * 60 * MINUTE_MS;

const OpenReferralRow = z.object({
  id: z.string(),
  body: z.unknown(),
  taken_by: z.string().nullable(),
  taken_at: z.number().int().nullable(),
});

/** Referrals that are neither voided nor resolved: the queue, oldest first, as a queue is worked. */
const OPEN_REFERRALS = `
  SELECT c.id, c.body, t.officer_id AS taken_by, t.taken_at
  FROM crossings c LEFT JOIN referral_takes t ON t.referral_id = c.id
  WHERE c.decision = 'refer'
    AND NOT EXISTS (SELECT 1 FROM voids v WHERE v.crossing_id = c.id)
    AND NOT EXISTS (SELECT 1 FROM resolutions r WHERE r.referral_id = c.id)`;

export interface Resolution {
  readonly referralId: string;
  readonly outcome: ReferralOutcome;
  readonly reason: string;
  readonly notes: string;
}

/**
 * Second line's referral queue. A supervisor takes a referral (audited), then
 * resolves it as admitted or refused: the resolution is a new record naming
 * the referral, written with its outbox row and audit event in one
 * transaction, so it is synced like any other and nothing is edited.
 */
export class ReferralDesk {
  private readonly queueStatement: Statement<[{ since: number; limit: number }]>;
  private readonly oneStatement: Statement<[{ id: string }]>;
  private readonly isReferral: Statement<[string], { voided: number; resolved: number }>;
  private readonly insertTake: Statement<[string, string, number]>;
  private readonly deleteTake: Statement<[string]>;
  private readonly insertResolution: Statement<[number, string, string, ReferralOutcome, number, string, Buffer]>;

  constructor(
    private readonly db: Database,
    private readonly audit: AuditTrail,
    private readonly applianceId: string,
    private readonly overdueMinutes: number,
  ) {
    this.queueStatement = db.prepare(`${OPEN_REFERRALS} AND c.recorded_at >= @since ORDER BY c.recorded_at, c.seq LIMIT @limit`);
    this.oneStatement = db.prepare(`${OPEN_REFERRALS} AND c.id = @id`);
    this.isReferral = db.prepare(`
      SELECT EXISTS (SELECT 1 FROM voids WHERE crossing_id = c.id) AS voided, EXISTS (SELECT 1 FROM resolutions WHERE referral_id = c.id) AS resolved
      FROM crossings c WHERE c.id = ? AND c.decision = 'refer'`);
    this.insertTake = db.prepare('INSERT OR REPLACE INTO referral_takes (referral_id, officer_id, taken_at) VALUES (?, ?, ?)');
    this.deleteTake = db.prepare('DELETE FROM referral_takes WHERE referral_id = ?');
    this.insertResolution = db.prepare('INSERT INTO resolutions (seq, id, referral_id, outcome, recorded_at, officer_id, body) VALUES (?, ?, ?, ?, ?, ?, ?)');
  }

  queue(limit: number, now: Date): Referral[] {
    return this.queueStatement.all({ since: now.getTime() - QUEUE_WINDOW_MS, limit }).map((raw) => this.view(raw, now));
  }

  /** The supervisor takes the referral; another supervisor may take it over, and each take is audited. */
  take(referralId: string, officerId: string, now: Date): Referral {
    return this.write(() => {
      const current = this.open(referralId, now);
      this.insertTake.run(referralId, officerId, now.getTime());
      this.audit.append({ action: 'referral-take', officerId, at: now, details: { referralId, ...(current.take === null ? {} : { from: current.take.officerId }) } });
      return { ...current, take: { officerId, takenAt: now.toISOString() } };
    });
  }

  /** Resolves a referral the supervisor holds, as a new record. */
  resolve(resolution: Resolution, officerId: string, now: Date): RecordedAnswer {
    return this.write(() => {
      const current = this.open(resolution.referralId, now);
      if (current.take === null) throw new InvalidRequestError('take the referral before resolving it');
      if (current.take.officerId !== officerId) throw new InvalidRequestError(`the referral is held by ${current.take.officerId}: take it first`);
      const id = uuidv7();
      const seq = enqueue(this.db, 'resolution', now);
      const record = ResolutionRecord.parse({
        v: 1,
        kind: 'resolution',
        id,
        seq,
        applianceId: this.applianceId,
        referralId: resolution.referralId,
        outcome: resolution.outcome,
        reason: resolution.reason,
        notes: resolution.notes,
        officerId,
        takenAt: current.take.takenAt,
        recordedAt: now.toISOString(),
      });
      this.insertResolution.run(seq, id, resolution.referralId, resolution.outcome, now.getTime(), officerId, storedBody(record));
      this.deleteTake.run(resolution.referralId);
      this.audit.append({ action: 'referral-resolve', officerId, at: now, details: { recordId: id, referralId: resolution.referralId, outcome: resolution.outcome } });
      return { id, seq, recordedAt: record.recordedAt };
    });
  }

  private open(referralId: string, now: Date): Referral {
    const raw = this.oneStatement.get({ id: referralId });
    if (raw !== undefined) return this.view(raw, now);
    const state = this.isReferral.get(referralId);
    if (state === undefined) throw new InvalidRequestError('no referral with this id on this appliance');
    throw new InvalidRequestError(state.voided === 1 ? 'this referral was voided' : 'this referral is already resolved');
  }

  private view(raw: unknown, now: Date): Referral {
    const row = OpenReferralRow.parse(raw);
    const stored = readStoredCrossing(row.body);
    if (!stored.ok) throw new DamagedDataError(`the stored crossing ${row.id} is damaged and was not shown; call a technician`);
    const record = stored.record;
    return {
      id: record.id,
      recordedAt: record.recordedAt,
      lane: record.lane,
      direction: record.direction,
      officerId: record.officerId,
      document: record.document,
      checks: record.checks,
      reasons: record.decision.reasons,
      notes: record.notes,
      alertHits: record.alertHits ?? [],
      take: row.taken_by === null || row.taken_at === null ? null : { officerId: row.taken_by, takenAt: new Date(row.taken_at).toISOString() },
      overdue: now.getTime() - Date.parse(record.recordedAt) > this.overdueMinutes * MINUTE_MS,
    };
  }

  private write<T>(work: () => T): T {
    try {
      return this.db.transaction(work).immediate();
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw recordNotKept(error);
    }
  }
}
