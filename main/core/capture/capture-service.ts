import { performance } from 'node:perf_hooks';
import type { Database, Statement } from 'better-sqlite3';
import type { Logger } from 'pino';
import { Subject, concat, defer, from, type Observable, type Subscription } from 'rxjs';
import { v7 as uuidv7 } from 'uuid';
import type { ApplianceConfig, Direction } from '../../common/contract/config.js';
import { CrossingRecord, type AlertHitRef, type Assessment, type CaptureSource, type Decision, type DocumentSnapshot } from '../../common/contract/crossing.js';
import type { DocumentCheck } from '../../common/contract/document-checks.js';
import { formatMrz, MrzFormatError, parseMrz, type MrzFormat, type MrzInput, type MrzParsedResult } from '../../common/icao/index.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import {
  clockCheck,
  daysBetween,
  directionSequenceCheck,
  alertListCheck,
  duplicateScanCheck,
  expiryCheck,
  minorCheck,
  mrzCheck,
  visaCheck,
  type PreviousCrossing,
} from '../checks/document-checks.js';
import { enqueue } from '../outbox/outbox.js';
import type { VisaRules } from '../reference/visa-table.js';
import { DomainError, InvalidRequestError } from '../errors/domain-errors.js';
import { recordNotKept } from './store-errors.js';
import { RecordedAssessments, type RecordAnswer } from './recorded-assessments.js';
import { wedgeZone } from './wedge-zone.js';
import { storedBody } from './stored-records.js';
import type { DocumentList } from '../alerts/document-list.js';
import type { DocumentHit, PersonHit } from '../../common/contract/alert-lists.js';
import type { PersonList } from '../alerts/person-list.js';
import { documentEntryId } from '../../common/alerts/document-number.js';
import { assessmentHits, withVersions } from '../../common/alerts/assessment-hits.js';
import type { HitFinding, HitHold, OpenHit } from '../../common/contract/alert-hits.js';
import { HitDesk } from '../alerts/hit-desk.js';

export interface CapturePolicy {
  /** A document expiring within this many days is flagged. */
  readonly expiringWithinDays: number;
  /** The same document scanned again within this window is flagged. */
  readonly rescanWindowMs: number;
  /** The wall clock may drift this far from the monotonic clock before an alarm. */
  readonly clockToleranceMs: number;
  /** Assessments not decided within this time are forgotten (the document is scanned again). */
  readonly assessmentTtlMs: number;
}

/** The source a keyboard-wedge scan names: it comes through the guard's window, not a configured reader. */
export const KEYBOARD_WEDGE_READER_ID = 'keyboard-wedge';

export const DEFAULT_CAPTURE_POLICY: CapturePolicy = {
  expiringWithinDays: 30,
  rescanWindowMs: 60_000,
  clockToleranceMs: 60_000,
  assessmentTtlMs: 15 * 60_000,
};

export interface CaptureServiceOptions {
  readonly db: Database;
  readonly audit: AuditTrail;
  readonly config: ApplianceConfig;
  readonly visaRules: VisaRules;
  /** The listed documents; without them the alert-list check says it cannot run. */
  readonly documents?: DocumentList;
  /** The listed persons, matched against each traveller. */
  readonly persons?: PersonList;
  readonly scans$: Observable<{ readonly readerId: string; readonly lines: readonly string[]; readonly mrz: ReturnType<typeof parseMrz> }>;
  readonly log: Logger;
  readonly policy?: CapturePolicy;
  /** The wall clock; injected so that a benchmark can spread records over months. */
  readonly now?: () => Date;
}

interface PendingAssessment {
  readonly assessment: Assessment;
  readonly documentKey: string;
  readonly monotonicMs: number;
  /** The hits as the record names them: list, version, entry id. */
  readonly alertHits: readonly AlertHitRef[];
}

/**
 * A screen that subscribes (signed in, unlocked, reconnected) a moment after a
 * document was placed on the reader still gets it: undecided reader scans this
 * young are handed to each new subscriber first.
 */
const SCAN_REPLAY_MS = 30_000;

/** Issuing state and number: what identifies one document across crossings. */
function documentKey(result: MrzParsedResult): string {
  return `${result.fields.issuingState}:${result.fields.documentNumber}`;
}

function todayIso(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * From a document to a durable crossing record. The core assesses each document
 * (the MRZ verdict and every check), the guard decides, and the record, its
 * outbox row and its audit event are written in one transaction; the answer
 * says "recorded" only after that transaction has committed to disk.
 */
export class CaptureService {
  private readonly pending = new Map<string, PendingAssessment>();
  private readonly recorded: RecordedAssessments;
  private readonly lastSeen = new Map<string, number>();
  private readonly assessments = new Subject<Assessment>();
  private readonly subscription: Subscription;
  private readonly startWallMs: number;
  private readonly startMonotonicMs = performance.now();
  private readonly lastCrossing: Statement<[string], { direction: Direction; recorded_at: number }>;
  private readonly lastEntry: Statement<[string], { recorded_at: number }>;
  private readonly insertCrossing: Statement<[number, string, number, number, string, string, string, string, Buffer]>;

  private readonly db: Database;
  private readonly audit: AuditTrail;
  private readonly config: ApplianceConfig;
  private readonly visaRules: VisaRules;
  private readonly policy: CapturePolicy;
  private readonly now: () => Date;
  private readonly log: Logger;
  private readonly documents: DocumentList | undefined;
  private readonly persons: PersonList | undefined;
  private readonly hits: HitDesk;

  constructor(options: CaptureServiceOptions) {
    this.documents = options.documents;
    this.persons = options.persons;
    ({ db: this.db, audit: this.audit, config: this.config, visaRules: this.visaRules, log: this.log } = options);
    this.policy = options.policy ?? {
      ...DEFAULT_CAPTURE_POLICY,
      expiringWithinDays: options.config.checks.expiringWithinDays,
      rescanWindowMs: options.config.checks.rescanWindowSeconds * 1000,
    };
    this.now = options.now ?? (() => new Date());
    this.hits = new HitDesk(this.db, this.audit, this.config.lane, this.log);
    this.recorded = new RecordedAssessments(this.policy.assessmentTtlMs, () => performance.now());
    const { db } = this;
    this.startWallMs = this.now().getTime();
    const notVoided = 'NOT EXISTS (SELECT 1 FROM voids v WHERE v.crossing_id = c.id)';
    this.lastCrossing = db.prepare(
      `SELECT direction, recorded_at FROM crossings c WHERE document_key = ? AND ${notVoided} ORDER BY recorded_at DESC, seq DESC LIMIT 1`,
    );
    this.lastEntry = db.prepare(
      `SELECT recorded_at FROM crossings c WHERE document_key = ? AND direction = 'entry' AND decision = 'admit' AND ${notVoided} ORDER BY recorded_at DESC, seq DESC LIMIT 1`,
    );
    this.insertCrossing = db.prepare(
      'INSERT INTO crossings (seq, id, recorded_at, lane, direction, decision, document_key, officer_id, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.subscription = options.scans$.subscribe((scan) => {
      if (scan.mrz.format === null) return;
      // A reader's scan names no officer: the decision that follows does, and names the assessment.
      this.assessments.next(this.raiseHits(this.assess(scan.mrz, { method: 'reader', readerId: scan.readerId }, scan.lines, null), null));
    });
  }

  /** Each reader scan's assessment: the undecided ones of the last moments first, then each new one. */
  get assessments$(): Observable<Assessment> {
    return defer(() => {
      const since = performance.now() - SCAN_REPLAY_MS;
      const waiting = [...this.pending.values()]
        .filter((pending) => pending.assessment.document.source.method === 'reader' && pending.assessment.document.source.readerId !== KEYBOARD_WEDGE_READER_ID && pending.monotonicMs >= since)
        .map((pending) => pending.assessment);
      // Synchronous up to the live subscription: no scan can fall between the two.
      return concat(from(waiting), this.assessments);
    });
  }

  manualEntry(fields: MrzInput, format: MrzFormat, officerId: string | null): Assessment {
    let zone: string;
    try {
      zone = formatMrz(fields, format);
    } catch (error) {
      if (error instanceof MrzFormatError) throw new InvalidRequestError(`fields.${error.field}: ${error.message}`);
      throw error;
    }
    const result = parseMrz(zone);
    if (result.format === null) throw new InvalidRequestError('these fields do not make a machine-readable zone');
    return this.raiseHits(this.assess(result, { method: 'manual' }, zone.split('\n'), officerId), officerId);
  }

  /** A zone a keyboard-wedge reader typed into the guard's window: judged exactly as a reader's scan. */
  wedge(text: string, officerId: string | null): Assessment {
    const { result, lines } = wedgeZone(text, this.now());
    return this.raiseHits(this.assess(result, { method: 'reader', readerId: KEYBOARD_WEDGE_READER_ID }, lines, officerId), officerId);
  }

  /**
   * Idempotent per assessment: the same decision again answers the record
   * already made and writes nothing. Calls run one at a time (the transaction
   * is synchronous), so two in flight at once are a first and a repeat.
   */
  record(input: { assessmentId: string; direction: Direction; decision: Decision; notes: string }, officerId: string): RecordAnswer {
    const repeated = this.recorded.repeat(input.assessmentId, input.direction, input.decision.outcome, officerId);
    if (repeated !== undefined) return repeated;
    this.forgetExpired();
    const pending = this.pending.get(input.assessmentId);
    if (pending === undefined) throw new InvalidRequestError('this assessment is unknown or too old: scan the document again');
    this.hits.allow(input.assessmentId, input.decision.outcome);
    const override = this.hits.overrideOf(input.assessmentId);
    const at = this.now();
    const id = uuidv7();
    try {
      const record = this.db
        .transaction(() => {
          const seq = enqueue(this.db, 'crossing', at);
          const entry = input.direction === 'exit' ? this.lastEntry.get(pending.documentKey) : undefined;
          const record = CrossingRecord.parse({
            v: 1,
            kind: 'crossing',
            id,
            seq,
            applianceId: this.config.applianceId,
            crossingPoint: this.config.crossingPoint.code,
            lane: this.config.lane,
            direction: input.direction,
            document: pending.assessment.document,
            checks: pending.assessment.checks.map(({ code, outcome, reason }) => ({ code, outcome, reason })),
            decision: input.decision,
            officerId,
            recordedAt: at.toISOString(),
            monotonicMs: Math.round(performance.now()),
            ...(entry === undefined ? {} : { lengthOfStayDays: Math.max(0, daysBetween(todayIso(new Date(entry.recorded_at)), todayIso(at))) }),
            ...(pending.alertHits.length === 0 ? {} : { alertHits: pending.alertHits }),
            ...(override === undefined ? {} : { alertOverride: override }),
            notes: input.notes,
          });
          this.insertCrossing.run(
            seq,
            id,
            at.getTime(),
            this.config.lane,
            input.direction,
            input.decision.outcome,
            pending.documentKey,
            officerId,
            storedBody(record),
          );
          this.hits.decided(input.assessmentId, id, input.decision.outcome, officerId);
          this.audit.append({
            action: 'decision',
            officerId,
            at,
            details: { recordId: id, assessmentId: input.assessmentId, outcome: input.decision.outcome, direction: input.direction },
          });
          return record;
        })
        .immediate();
      this.pending.delete(input.assessmentId);
      this.hits.forget(input.assessmentId);
      const answer = { id: record.id, seq: record.seq, recordedAt: record.recordedAt };
      this.recorded.remember(input.assessmentId, answer, input.direction, input.decision.outcome, officerId);
      return answer;
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw recordNotKept(error);
    }
  }

  /** The guard saw the alert-list hits of an undecided assessment; audited once. */
  acknowledgeHits(assessmentId: string, officerId: string): HitHold {
    this.undecided(assessmentId);
    const hold = this.hits.hold(assessmentId);
    return hold.hits.length === 0 ? hold : this.hits.acknowledge(assessmentId, officerId, this.now());
  }

  /** What the hits of an undecided assessment allow now. */
  hitHold(assessmentId: string): HitHold {
    this.undecided(assessmentId);
    return this.hits.hold(assessmentId);
  }

  /** A supervisor lets the lane decide other than refer on an undecided assessment, with a reason the record carries. */
  overrideHits(assessmentId: string, reason: string, officerId: string): HitHold {
    this.undecided(assessmentId);
    return this.hits.override(assessmentId, reason, officerId, this.now());
  }

  /** The hits awaiting a supervisor, newest first. */
  openHits(limit: number): OpenHit[] {
    this.forgetExpired();
    return this.hits.openHits(limit);
  }

  reviewHit(input: { assessmentId: string; hitId: string; finding: HitFinding; note: string }, officerId: string): OpenHit {
    this.forgetExpired();
    return this.hits.review(input, officerId, this.now());
  }

  close(): void {
    this.subscription.unsubscribe();
    this.assessments.complete();
  }

  /** The assessment's hits, documents and persons alike, raised at the desk with the versions its record will name. */
  private raiseHits(assessment: Assessment, officerId: string | null): Assessment {
    const hits = withVersions(assessmentHits(assessment), this.pending.get(assessment.id)?.alertHits ?? []);
    this.hits.raise(assessment.id, hits, officerId, new Date(assessment.assessedAt));
    return assessment;
  }

  private undecided(assessmentId: string): void {
    this.forgetExpired();
    if (!this.pending.has(assessmentId)) throw new InvalidRequestError('this assessment is unknown, decided or too old: scan the document again');
  }

  private assess(result: MrzParsedResult, source: CaptureSource, lines: readonly string[], officerId: string | null): Assessment {
    const now = this.now();
    const monotonicMs = performance.now();
    const key = documentKey(result);
    const previous = this.previousCrossing(key);
    const { listVersion, documentHits } = this.listedDocuments(result);
    const { personListVersion, personHits } = this.listedPersons(result);
    const checks: DocumentCheck[] = [
      mrzCheck(result),
      expiryCheck(result.fields.expiryDateIso, todayIso(now), this.policy.expiringWithinDays),
      minorCheck(result.fields.birthDateIso, todayIso(now)),
      visaCheck(result.fields.nationality, this.visaRules.get(result.fields.nationality)),
      directionSequenceCheck(this.config.directionDefault, previous),
      duplicateScanCheck(this.lastSeen.get(key), monotonicMs, this.policy.rescanWindowMs),
      clockCheck(now.getTime() - this.startWallMs - (monotonicMs - this.startMonotonicMs), this.policy.clockToleranceMs),
      alertListCheck({ documentListVersion: listVersion, documentHits, personListVersion, personHits }),
    ];
    this.lastSeen.set(key, monotonicMs);
    const document: DocumentSnapshot = {
      source,
      // As read, not as the engine would print it: an altered zone must stay visible as altered.
      lines: [...lines],
      format: result.format,
      valid: result.valid,
      fields: result.fields,
      corrections: result.corrections,
      errors: result.errors.map(({ code, field }) => ({ code, field })),
    };
    const lastEntry = this.lastEntry.get(key);
    const lastEntryAt = lastEntry === undefined ? null : new Date(lastEntry.recorded_at).toISOString();
    const assessment: Assessment = { id: uuidv7(), assessedAt: now.toISOString(), document, checks, lastEntryAt, documentHits, personHits };
    this.auditScan(assessment, officerId, now);
    this.forgetExpired();
    const alertHits = [
      ...documentHits.map((hit): AlertHitRef => ({ list: 'document-list', version: listVersion, entryId: documentEntryId(hit.entry), how: hit.how })),
      ...personHits.map((hit): AlertHitRef => ({ list: 'person-list', version: personListVersion, entryId: hit.entry.id, how: 'match' })),
    ];
    this.pending.set(assessment.id, { assessment, documentKey: key, monotonicMs, alertHits });
    return assessment;
  }

  /**
   * The scan is audited on its own: it happened whether or not a decision
   * follows. When it cannot be written (a full disk), the guard still sees the
   * document, and recording the decision will report the storage problem.
   */
  private auditScan(assessment: Assessment, officerId: string | null, at: Date): void {
    const { source, format, valid } = assessment.document;
    try {
      this.db
        .transaction(() =>
          this.audit.append({
            action: 'scan',
            officerId,
            at,
            details: {
              assessmentId: assessment.id,
              source: source.method === 'reader' ? source.readerId : 'manual',
              format,
              mrzValid: valid,
              // A hit is on the trail with the scan; the record names the entries.
              ...(assessment.documentHits.length === 0 ? {} : { documentListHits: assessment.documentHits.length }),
              ...(assessment.personHits.length === 0 ? {} : { personListHits: assessment.personHits.length }),
            },
          }),
        )
        .immediate();
    } catch (error) {
      this.log.error({ err: error, assessmentId: assessment.id }, 'scan not audited: the store refused the write');
    }
  }

  private listedDocuments(result: MrzParsedResult): { listVersion: number; documentHits: DocumentHit[] } {
    const { documents } = this;
    const listVersion = documents?.version() ?? 0;
    if (documents === undefined || listVersion === 0) return { listVersion, documentHits: [] };
    const { issuingState, documentCode, documentNumber } = result.fields;
    return { listVersion, documentHits: documents.check(issuingState, documentCode, documentNumber) };
  }

  /** The traveller as the MRZ names them, against the listed persons; the MRZ's own unknown date parts stay unknown. */
  private listedPersons(result: MrzParsedResult): { personListVersion: number; personHits: PersonHit[] } {
    const { persons } = this;
    const personListVersion = persons?.version() ?? 0;
    if (persons === undefined || personListVersion === 0) return { personListVersion, personHits: [] };
    const { surname, givenNames, birthDate, nationality, sex } = result.fields;
    const letters = (text: string): string => text.replace(/[^A-Z]+/g, ' ').trim();
    const traveller = {
      surname: letters(surname),
      givenNames: letters(givenNames),
      birthDate: /^[0-9<]{6}$/.test(birthDate) ? birthDate : '<<<<<<',
      nationality: nationality.replace(/[^A-Z<]/g, '').slice(0, 3),
      sex: sex === 'M' || sex === 'F' || sex === 'X' ? sex : '',
    } as const;
    if (traveller.surname === '' && traveller.givenNames === '') return { personListVersion, personHits: [] };
    return { personListVersion, personHits: persons.check(traveller) };
  }

  private previousCrossing(key: string): PreviousCrossing | undefined {
    const row = this.lastCrossing.get(key);
    return row === undefined ? undefined : { direction: row.direction, recordedAtMs: row.recorded_at };
  }

  private forgetExpired(): void {
    const oldest = performance.now() - this.policy.assessmentTtlMs;
    for (const [id, pending] of this.pending) {
      if (pending.monotonicMs >= oldest) continue;
      this.pending.delete(id);
      this.hits.forget(id);
    }
  }
}
