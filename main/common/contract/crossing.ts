import * as z from 'zod';
import { MrzCorrectionSchema, MrzErrorSchema, MrzFieldsSchema, MrzFormatSchema } from './mrz-result.js';
import { Direction } from './config.js';
import { CheckOutcome, DocumentCheck } from './document-checks.js';
import { OpenCode } from './open-code.js';
import { DocumentHit, PersonHit } from './alert-lists.js';

/** How the document reached the appliance: a reader's scan, or typed by the guard. */
export const CaptureSource = z.discriminatedUnion('method', [
  z.object({ method: z.literal('reader'), readerId: z.string().min(1).max(32) }),
  z.object({ method: z.literal('manual') }),
]);
export type CaptureSource = z.infer<typeof CaptureSource>;

/** The document as read: the zone, and the MRZ engine's verdict including its corrections. */
export const DocumentSnapshot = z.object({
  source: CaptureSource,
  lines: z.array(z.string().max(64)).min(1).max(3),
  format: MrzFormatSchema,
  valid: z.boolean(),
  fields: MrzFieldsSchema,
  corrections: z.array(MrzCorrectionSchema),
  /** The engine's error codes grow with its rules, so a record names them openly; the fields they point at come with the format. */
  errors: z.array(z.object({ code: OpenCode, field: MrzErrorSchema.shape.field })),
});
export type DocumentSnapshot = z.infer<typeof DocumentSnapshot>;

/**
 * A check's outcome as stored with the record (its message is for the screen
 * and is not kept). Its code is open: the next release's new check must reach
 * a central that does not know it yet. Its outcome is not: central and the
 * screen rank outcomes, and a level nobody can rank is a new record version.
 */
export const RecordedCheck = z.object({ code: OpenCode, outcome: CheckOutcome, reason: z.string().max(40) });
export type RecordedCheck = z.infer<typeof RecordedCheck>;

export const DecisionOutcome = z.enum(['admit', 'refuse', 'refer']);
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;

/** Why the guard decided as they did; codes, so that shift statistics can count them. */
export const DecisionReason = z.enum([
  'documents-in-order',
  'document-expired',
  'document-invalid',
  'document-damaged',
  'no-visa',
  'alert-list-hit',
  'minor-without-consent',
  'suspected-fraud',
  'further-checks',
  'other',
]);
export type DecisionReason = z.infer<typeof DecisionReason>;

/** A decision as the guard gives it: only the reasons this release knows. */
export const Decision = z.object({
  outcome: DecisionOutcome,
  reasons: z.array(DecisionReason).min(1).max(5),
});
export type Decision = z.infer<typeof Decision>;

/**
 * A decision as a record holds it. The outcome is closed, because every count
 * of crossings splits by it; the reasons are open, because the list grows with
 * policy and a record that gives a new one must still be taken everywhere.
 */
export const RecordedDecision = z.object({
  outcome: DecisionOutcome,
  reasons: z.array(OpenCode).min(1).max(5),
});
export type RecordedDecision = z.infer<typeof RecordedDecision>;

/**
 * An alert-list entry a document or traveller matched, as a record names it:
 * the list, its version and the entry's id, never a copy of the entry (the
 * list stays the one place that holds it). The list is open: the person list
 * comes next, and records that name it must reach a central that does not know it yet.
 */
export const AlertHitRef = z
  .object({
    list: OpenCode,
    version: z.number().int().positive(),
    entryId: z.string().min(1).max(80),
    how: OpenCode,
  })
  .strict();
export type AlertHitRef = z.infer<typeof AlertHitRef>;

/**
 * A supervisor's override of the referral an alert-list hit demanded: who and
 * why. Without it, a record with a refer or arrest hit is a referral.
 */
export const AlertOverride = z
  .object({
    officerId: z.string(),
    reason: z.string().min(10).max(300),
    at: z.iso.datetime(),
  })
  .strict();
export type AlertOverride = z.infer<typeof AlertOverride>;

/** A crossing as recorded: never edited; a supervisor voids it with a new record. */
export const CrossingRecord = z
  .object({
    v: z.literal(1),
    kind: z.literal('crossing'),
    id: z.uuid(),
    seq: z.number().int().positive(),
    applianceId: z.string(),
    crossingPoint: z.string(),
    lane: z.number().int(),
    direction: Direction,
    document: DocumentSnapshot,
    checks: z.array(RecordedCheck),
    decision: RecordedDecision,
    officerId: z.string(),
    recordedAt: z.iso.datetime(),
    /** Monotonic milliseconds of the core process, for ordering within a run whatever the wall clock did. */
    monotonicMs: z.number().nonnegative(),
    /** On exit: days since the matching entry recorded here, when there is one. */
    lengthOfStayDays: z.number().int().nonnegative().optional(),
    /** The alert-list entries the document matched when it was assessed; absent when none. */
    alertHits: z.array(AlertHitRef).min(1).max(20).optional(),
    /** A supervisor let the lane decide other than refer despite a refer or arrest hit; absent otherwise. */
    alertOverride: AlertOverride.optional(),
    notes: z.string().max(500),
  })
  .strict();
export type CrossingRecord = z.infer<typeof CrossingRecord>;

/** The document and every check, as the core hands them to the guard to decide on. */
export const Assessment = z.object({
  id: z.uuid(),
  assessedAt: z.iso.datetime(),
  document: DocumentSnapshot,
  checks: z.array(DocumentCheck),
  /** When this document's last admitted entry was recorded on this appliance, if ever: the card shows the length of stay on exit. */
  lastEntryAt: z.iso.datetime().nullable(),
  /** The listed documents it matched, with the entries themselves for the guard's screen. */
  documentHits: z.array(DocumentHit).max(20).default([]),
  /** The listed persons the traveller matched at or above their list's threshold, best first, with the explanation. */
  personHits: z.array(PersonHit).max(20).default([]),
});
export type Assessment = z.infer<typeof Assessment>;

/** Fields a guard types when a document cannot be read; the MRZ engine checks them as if scanned. */
export const ManualDocumentFields = z
  .object({
    documentCode: z.string().regex(/^[A-Z][A-Z<]?$/, 'one or two letters'),
    issuingState: z.string().regex(/^[A-Z<]{1,3}$/, 'the 3-letter ICAO code'),
    documentNumber: z.string().regex(/^[A-Z0-9<]{1,24}$/, 'letters and digits'),
    nationality: z.string().regex(/^[A-Z<]{1,3}$/, 'the 3-letter ICAO code'),
    birthDate: z.string().regex(/^(\d{6}|\d{4}-\d{2}-\d{2})$/, 'YYMMDD or YYYY-MM-DD'),
    sex: z.enum(['M', 'F', 'X', '<', '']),
    expiryDate: z.string().regex(/^(\d{6}|\d{4}-\d{2}-\d{2})$/, 'YYMMDD or YYYY-MM-DD'),
    surname: z.string().regex(/^[A-Z< ]{1,39}$/, 'letters A-Z as printed in the zone'),
    givenNames: z.string().regex(/^[A-Z< ]{0,39}$/, 'letters A-Z as printed in the zone'),
    optionalData: z.string().regex(/^[A-Z0-9< ]{0,15}$/).optional(),
    optionalData2: z.string().regex(/^[A-Z0-9< ]{0,11}$/).optional(),
  })
  .strict();
export type ManualDocumentFields = z.infer<typeof ManualDocumentFields>;

/** A supervisor's void: a new record naming the crossing it cancels, synced like any other. */
export const VoidRecord = z
  .object({
    v: z.literal(1),
    kind: z.literal('void'),
    id: z.uuid(),
    seq: z.number().int().positive(),
    applianceId: z.string(),
    voidedId: z.uuid(),
    reason: z.string().min(10).max(300),
    officerId: z.string(),
    recordedAt: z.iso.datetime(),
  })
  .strict();
export type VoidRecord = z.infer<typeof VoidRecord>;

/** How second line ended a referral. */
export const ReferralOutcome = z.enum(['admitted', 'refused']);
export type ReferralOutcome = z.infer<typeof ReferralOutcome>;

/** Why second line decided as it did: shown to the next supervisor and synced, so it must say something. */
export const ResolutionReason = z.string().trim().min(5, 'give the reason in a few words').max(300);

/** A supervisor's resolution of a referral: a new record naming the referred crossing, synced like any other. */
export const ResolutionRecord = z
  .object({
    v: z.literal(1),
    kind: z.literal('resolution'),
    id: z.uuid(),
    seq: z.number().int().positive(),
    applianceId: z.string(),
    referralId: z.uuid(),
    outcome: ReferralOutcome,
    reason: ResolutionReason,
    notes: z.string().max(1000),
    officerId: z.string(),
    /** When the supervisor took the referral from the queue. */
    takenAt: z.iso.datetime(),
    recordedAt: z.iso.datetime(),
  })
  .strict();
export type ResolutionRecord = z.infer<typeof ResolutionRecord>;

/** A recorded crossing as the supervisor's void list shows it, with its void if it has one. */
export const RecentCrossing = z.object({
  id: z.uuid(),
  seq: z.number().int().positive(),
  recordedAt: z.iso.datetime(),
  lane: z.number().int(),
  direction: Direction,
  outcome: DecisionOutcome,
  officerId: z.string(),
  documentNumber: z.string(),
  issuingState: z.string(),
  surname: z.string(),
  givenNames: z.string(),
  voided: z.object({ officerId: z.string(), reason: z.string(), at: z.iso.datetime() }).nullable(),
});
export type RecentCrossing = z.infer<typeof RecentCrossing>;

/** The void list: the crossings that read back, and how many did not (damaged on disk: a technician's matter). */
export const RecentCrossings = z.object({ crossings: z.array(RecentCrossing), damaged: z.number().int().nonnegative() });
export type RecentCrossings = z.infer<typeof RecentCrossings>;

/** Crossings per lane and hour, by decision and by direction: the supervisor's throughput view. */
export const LaneHour = z.object({
  lane: z.number().int(),
  /** The hour's start, ISO 8601 UTC. */
  hour: z.iso.datetime(),
  admitted: z.number().int().nonnegative(),
  refused: z.number().int().nonnegative(),
  referred: z.number().int().nonnegative(),
  entries: z.number().int().nonnegative(),
  exits: z.number().int().nonnegative(),
});
export type LaneHour = z.infer<typeof LaneHour>;

/** Who took a referral from the queue, and when; taken again by another supervisor, it is theirs. */
export const ReferralTake = z.object({ officerId: z.string(), takenAt: z.iso.datetime() });
export type ReferralTake = z.infer<typeof ReferralTake>;

/** A referral to second line awaiting its resolution, with the card the guard saw, as the supervisor's queue lists it. */
export const Referral = z.object({
  id: z.uuid(),
  recordedAt: z.iso.datetime(),
  lane: z.number().int(),
  direction: Direction,
  /** The guard who referred. */
  officerId: z.string(),
  document: DocumentSnapshot,
  checks: z.array(RecordedCheck),
  /** As the record holds them: a record an older release reads back may give a reason it does not know. */
  reasons: z.array(OpenCode),
  notes: z.string(),
  alertHits: z.array(AlertHitRef),
  take: ReferralTake.nullable(),
  /** Open for longer than the appliance's `secondLine.referralOverdueMinutes`. */
  overdue: z.boolean(),
});
export type Referral = z.infer<typeof Referral>;

export const RecordedAnswer = z.object({ id: z.uuid(), seq: z.number().int().positive(), recordedAt: z.iso.datetime() });
export type RecordedAnswer = z.infer<typeof RecordedAnswer>;
