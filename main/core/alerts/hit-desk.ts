import { createHash } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { Logger } from 'pino';
import { HitSubject, type AlertHit, type HitActor, type HitFinding, type HitHold, type HitOverride, type OpenHit } from '../../common/contract/alert-hits.js';
import type { DecisionOutcome } from '../../common/contract/crossing.js';
import { PersonAction } from '../../common/contract/alert-lists.js';
import { demandsReferral, holdOf } from '../../common/alerts/assessment-hits.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import { AlertHoldError, DamagedDataError, DomainError, InvalidRequestError } from '../errors/domain-errors.js';
import { recordNotKept } from '../capture/store-errors.js';
import { readStoredText } from '../store/stored-json.js';

/** The hits of one undecided assessment, and what the guard and a supervisor did about them. */
interface HitCase {
  readonly hits: readonly AlertHit[];
  readonly raisedAt: Date;
  acknowledged: HitActor | null;
  override: HitOverride | null;
}

interface HitRow {
  readonly assessment_id: string;
  readonly hit_id: string;
  readonly list: string;
  readonly version: number;
  readonly entry_id: string;
  readonly how: string;
  readonly action: string;
  readonly raised_at: number;
  readonly lane: number;
  readonly shown: string | null;
  readonly acknowledged_at: number | null;
  readonly acknowledged_by: string | null;
  readonly crossing_id: string | null;
  readonly override_by: string | null;
  readonly override_reason: string | null;
  readonly override_at: number | null;
}

type InsertHit = [string, string, string, number, string, string, string, number | null, number, number, string];

/** The trail names a hit by its list, version and entry id, with the score where there is one: never a name or a number. */
function hitDetails(assessmentId: string, hit: AlertHit): Record<string, string | number> {
  return {
    assessmentId,
    list: hit.list,
    version: hit.version,
    entryId: hit.entryId,
    action: hit.action,
    ...(hit.subject.kind === 'person' ? { score: hit.subject.hit.score } : { how: hit.how }),
  };
}

/**
 * The alert-list hits of the lane: raised at the scan, acknowledged by the
 * guard, overridden by a supervisor, closed by a decision other than a
 * referral or by a supervisor's review. What holds the lane is kept in memory
 * with the undecided assessment (it is there even when the store refused the
 * scan's write), and changes only after its transaction committed; every
 * change is a row and an audit event, so the supervisor's queue survives a restart.
 */
export class HitDesk {
  private readonly cases = new Map<string, HitCase>();
  private readonly insertHit: Statement<InsertHit>;
  private readonly acknowledgeRows: Statement<[number, string, string]>;
  private readonly insertOverride: Statement<[string, string, string, number]>;
  private readonly decideRows: Statement<[string, string, string]>;
  private readonly forgetShown: Statement<[string]>;
  private readonly openRows: Statement<[number], HitRow>;
  private readonly oneRow: Statement<[string, string], HitRow & { readonly reviewed_at: number | null; readonly outcome: string | null }>;
  private readonly reviewRow: Statement<[number, string, string, string, string, string]>;

  constructor(
    private readonly db: Database,
    private readonly audit: AuditTrail,
    private readonly lane: number,
    private readonly log: Logger,
  ) {
    this.insertHit = db.prepare(
      'INSERT OR IGNORE INTO alert_hits (assessment_id, hit_id, list, version, entry_id, how, action, score, raised_at, lane, shown) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.acknowledgeRows = db.prepare('UPDATE alert_hits SET acknowledged_at = ?, acknowledged_by = ? WHERE assessment_id = ?');
    this.insertOverride = db.prepare('INSERT INTO alert_overrides (assessment_id, officer_id, reason, at) VALUES (?, ?, ?, ?)');
    this.decideRows = db.prepare('UPDATE alert_hits SET crossing_id = ?, outcome = ? WHERE assessment_id = ?');
    this.forgetShown = db.prepare('UPDATE alert_hits SET shown = NULL WHERE assessment_id = ?');
    const columns =
      'h.assessment_id, h.hit_id, h.list, h.version, h.entry_id, h.how, h.action, h.raised_at, h.lane, h.shown, h.acknowledged_at, h.acknowledged_by, h.crossing_id, o.officer_id AS override_by, o.reason AS override_reason, o.at AS override_at';
    this.openRows = db.prepare(
      `SELECT ${columns} FROM alert_hits h LEFT JOIN alert_overrides o ON o.assessment_id = h.assessment_id
       WHERE h.reviewed_at IS NULL AND (h.crossing_id IS NULL OR h.outcome = 'refer') ORDER BY h.raised_at DESC, h.assessment_id, h.hit_id LIMIT ?`,
    );
    this.oneRow = db.prepare(
      `SELECT ${columns}, h.reviewed_at, h.outcome FROM alert_hits h LEFT JOIN alert_overrides o ON o.assessment_id = h.assessment_id WHERE h.assessment_id = ? AND h.hit_id = ?`,
    );
    this.reviewRow = db.prepare('UPDATE alert_hits SET reviewed_at = ?, reviewed_by = ?, finding = ?, review_note = ?, shown = NULL WHERE assessment_id = ? AND hit_id = ?');
  }

  /**
   * The hits of a new assessment: each one a row and an audit event. When the
   * store refuses the write, the hits still hold the lane, and the next write
   * about them (the acknowledgement, the decision) stores them first.
   */
  raise(assessmentId: string, hits: readonly AlertHit[], officerId: string | null, at: Date): void {
    if (hits.length === 0) return;
    const hitCase: HitCase = { hits, raisedAt: at, acknowledged: null, override: null };
    this.cases.set(assessmentId, hitCase);
    try {
      this.db.transaction(() => this.store(assessmentId, hitCase, officerId)).immediate();
    } catch (error) {
      this.log.error({ err: error, assessmentId, hits: hits.length }, 'alert-list hits not stored: the store refused the write');
    }
  }

  /** What the hits of an assessment allow now; `none` for an assessment without hits. */
  hold(assessmentId: string): HitHold {
    const hitCase = this.cases.get(assessmentId);
    if (hitCase === undefined) return { assessmentId, hold: 'none', hits: [], acknowledged: null, override: null };
    return {
      assessmentId,
      hold: holdOf(hitCase.hits, hitCase.acknowledged !== null, hitCase.override !== null),
      hits: [...hitCase.hits],
      acknowledged: hitCase.acknowledged,
      override: hitCase.override,
    };
  }

  /** The guard saw the hits. Idempotent: acknowledged again, the answer is the same and nothing is written. */
  acknowledge(assessmentId: string, officerId: string, at: Date): HitHold {
    const hitCase = this.openCase(assessmentId);
    if (hitCase.acknowledged !== null) return this.hold(assessmentId);
    this.write(() => {
      this.store(assessmentId, hitCase, officerId);
      this.acknowledgeRows.run(at.getTime(), officerId, assessmentId);
      for (const hit of hitCase.hits) this.audit.append({ action: 'alert-acknowledge', officerId, at, details: hitDetails(assessmentId, hit) });
    });
    hitCase.acknowledged = { officerId, at: at.toISOString() };
    return this.hold(assessmentId);
  }

  /**
   * A supervisor lets the lane decide other than refer. The reason goes with
   * the record; the trail holds its SHA-256, since a reason is free text and
   * the trail holds ids and codes only.
   */
  override(assessmentId: string, reason: string, officerId: string, at: Date): HitHold {
    const hitCase = this.openCase(assessmentId);
    if (!hitCase.hits.some((hit) => demandsReferral(hit.action))) throw new InvalidRequestError('no hit on this assessment demands a referral: there is nothing to override');
    if (hitCase.override !== null) throw new InvalidRequestError('a supervisor has already overridden the hits of this assessment');
    this.write(() => {
      this.store(assessmentId, hitCase, null);
      this.insertOverride.run(assessmentId, officerId, reason, at.getTime());
      this.audit.append({
        action: 'alert-override',
        officerId,
        at,
        details: { assessmentId, hits: hitCase.hits.length, reasonSha256: createHash('sha256').update(reason).digest('hex') },
      });
    });
    hitCase.override = { officerId, at: at.toISOString(), reason };
    return this.hold(assessmentId);
  }

  /** Throws unless the hits allow this outcome: acknowledged first, and only refer while a refer or arrest hit stands. */
  allow(assessmentId: string, outcome: DecisionOutcome): void {
    const { hold } = this.hold(assessmentId);
    if (hold === 'acknowledge') throw new AlertHoldError('hits-unacknowledged', 'this document has alert-list hits: acknowledge them before deciding');
    if (hold === 'refer' && outcome !== 'refer') {
      throw new AlertHoldError('referral-required', 'an alert-list hit sends this traveller to second line: only Refer is recorded unless a supervisor overrides it');
    }
  }

  overrideOf(assessmentId: string): HitOverride | undefined {
    return this.cases.get(assessmentId)?.override ?? undefined;
  }

  /**
   * Inside the decision's transaction: the hits name the crossing that decided
   * them. A referral keeps them in the queue; any other decision closes them,
   * and what the screen showed is no longer kept.
   */
  decided(assessmentId: string, crossingId: string, outcome: DecisionOutcome, officerId: string): void {
    const hitCase = this.cases.get(assessmentId);
    if (hitCase === undefined) return;
    this.store(assessmentId, hitCase, officerId);
    this.decideRows.run(crossingId, outcome, assessmentId);
    if (outcome !== 'refer') this.forgetShown.run(assessmentId);
  }

  /** After the decision committed, or when the undecided assessment is forgotten: its stored hits stay for the queue. */
  forget(assessmentId: string): void {
    this.cases.delete(assessmentId);
  }

  /** Hits awaiting a supervisor, newest first: at the lane, undecided, or referred and not yet reviewed. */
  openHits(limit: number): OpenHit[] {
    return this.openRows.all(limit).map((row) => this.openHit(row));
  }

  /** A supervisor closes a referred or undecided hit with a finding; what the screen showed is no longer kept. */
  review(input: { assessmentId: string; hitId: string; finding: HitFinding; note: string }, officerId: string, at: Date): OpenHit {
    return this.write(() => {
      const row = this.oneRow.get(input.assessmentId, input.hitId);
      if (row === undefined) throw new InvalidRequestError('no such hit on this appliance');
      if (row.reviewed_at !== null) throw new InvalidRequestError('this hit has already been reviewed');
      if (row.crossing_id !== null && row.outcome !== 'refer') throw new InvalidRequestError('this hit was decided at the lane and awaits no supervisor');
      if (this.cases.has(input.assessmentId)) throw new InvalidRequestError('the lane has not decided on this document yet: override its hits, or review them once decided');
      const open = this.openHit(row);
      this.reviewRow.run(at.getTime(), officerId, input.finding, input.note, input.assessmentId, input.hitId);
      this.audit.append({ action: 'alert-review', officerId, at, details: { ...hitDetails(input.assessmentId, open.hit), finding: input.finding } });
      return open;
    });
  }

  /** The case's rows, once: `INSERT OR IGNORE`, each row written now audited as a hit. Runs inside the caller's transaction. */
  private store(assessmentId: string, hitCase: HitCase, officerId: string | null): void {
    for (const hit of hitCase.hits) {
      const score = hit.subject.kind === 'person' ? hit.subject.hit.score : null;
      const shown = JSON.stringify(hit.subject);
      const written = this.insertHit.run(assessmentId, hit.id, hit.list, hit.version, hit.entryId, hit.how, hit.action, score, hitCase.raisedAt.getTime(), this.lane, shown);
      if (written.changes === 1) this.audit.append({ action: 'alert-hit', officerId, at: hitCase.raisedAt, details: hitDetails(assessmentId, hit) });
    }
  }

  private openCase(assessmentId: string): HitCase {
    const hitCase = this.cases.get(assessmentId);
    if (hitCase === undefined) throw new InvalidRequestError('no alert-list hits wait on this assessment: it is unknown, decided or too old');
    return hitCase;
  }

  private write<T>(change: () => T): T {
    try {
      return this.db.transaction(change).immediate();
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw recordNotKept(error);
    }
  }

  private openHit(row: HitRow): OpenHit {
    const shown = row.shown === null ? undefined : readStoredText(row.shown, HitSubject);
    if (shown?.ok !== true) throw new DamagedDataError(`a stored alert-list hit of assessment ${row.assessment_id} cannot be read`);
    const subject = shown.record;
    const action = PersonAction.safeParse(row.action);
    if (!action.success) throw new DamagedDataError(`a stored alert-list hit of assessment ${row.assessment_id} has no action this release knows`);
    const hitCase = this.cases.get(row.assessment_id);
    return {
      assessmentId: row.assessment_id,
      hit: { id: row.hit_id, list: row.list, version: row.version, entryId: row.entry_id, how: row.how, action: action.data, subject },
      raisedAt: new Date(row.raised_at).toISOString(),
      lane: row.lane,
      state: row.crossing_id !== null ? 'referred' : hitCase === undefined ? 'undecided' : 'at-lane',
      crossingId: row.crossing_id,
      acknowledged: row.acknowledged_by === null || row.acknowledged_at === null ? null : { officerId: row.acknowledged_by, at: new Date(row.acknowledged_at).toISOString() },
      override:
        row.override_by === null || row.override_reason === null || row.override_at === null
          ? null
          : { officerId: row.override_by, reason: row.override_reason, at: new Date(row.override_at).toISOString() },
    };
  }
}
