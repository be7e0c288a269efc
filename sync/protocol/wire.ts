import * as z from 'zod';
import { AuditEvent } from '../../main/common/contract/audit.js';
import { CrossingRecord, ResolutionRecord, VoidRecord } from '../../main/common/contract/crossing.js';

/**
 * Sahman's sync protocol, version 1: what an appliance and central say to each
 * other over HTTP. Both sides validate every message with these schemas; the
 * README's "Sync protocol" section describes them for integrators.
 */
export const PROTOCOL_VERSION = 'v1';

/** Request headers of a signed upload (names are case-insensitive on the wire). */
export const SIGNATURE_HEADER = 'sahman-signature';
export const TIMESTAMP_HEADER = 'sahman-timestamp';
export const KEY_ID_HEADER = 'sahman-key-id';
/** Central refuses a signed request whose timestamp is further than this from its own clock. */
export const MAX_CLOCK_SKEW_MS = 300_000;
/** Central refuses a request body larger than this, compressed or not. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export const paths = {
  batches: (applianceId: string) => `/v1/appliances/${encodeURIComponent(applianceId)}/batches`,
  deltas: (applianceId: string) => `/v1/appliances/${encodeURIComponent(applianceId)}/deltas`,
  reconcile: (applianceId: string) => `/v1/appliances/${encodeURIComponent(applianceId)}/reconcile`,
  health: (applianceId: string) => `/v1/appliances/${encodeURIComponent(applianceId)}/health`,
} as const;

export const Seq = z.number().int().positive();

/** One synced item: a crossing, a void, a referral's resolution or an audit event, under the appliance's seq. */
export const SyncItem = z.discriminatedUnion('kind', [
  z
    .object({
      seq: Seq,
      kind: z.literal('crossing'),
      record: CrossingRecord,
      /** Set when a dead-lettered item is sent again after a fix: the seq it replaces. */
      supersedes: Seq.optional(),
    })
    .strict(),
  z.object({ seq: Seq, kind: z.literal('void'), record: VoidRecord, supersedes: Seq.optional() }).strict(),
  z.object({ seq: Seq, kind: z.literal('resolution'), record: ResolutionRecord, supersedes: Seq.optional() }).strict(),
  z.object({ seq: Seq, kind: z.literal('audit'), record: AuditEvent, supersedes: Seq.optional() }).strict(),
]);
export type SyncItem = z.infer<typeof SyncItem>;
export type SyncItemKind = SyncItem['kind'];

/**
 * POST /v1/appliances/{applianceId}/batches, gzip'd JSON. The records are
 * every seq from fromSeq to toSeq, in order, with none missing.
 */
export const UploadBatch = z
  .object({
    batchId: z.uuid(),
    fromSeq: Seq,
    toSeq: Seq,
    records: z.array(SyncItem).min(1).max(10_000),
  })
  .strict()
  .superRefine((batch, ctx) => {
    if (batch.records[0]?.seq !== batch.fromSeq || batch.records.at(-1)?.seq !== batch.toSeq || batch.records.length !== batch.toSeq - batch.fromSeq + 1) {
      ctx.addIssue({ code: 'custom', path: ['records'], message: 'records must be every seq from fromSeq to toSeq, in order' });
      return;
    }
    batch.records.forEach((item, index) => {
      if (item.seq !== batch.fromSeq + index) ctx.addIssue({ code: 'custom', path: ['records', index, 'seq'], message: 'seq out of order' });
      // A record names the seq it was recorded under; an item sent again after a fix travels under a new
      // one, superseding the last seq it was sent under (itself perhaps a resend of the record's own seq).
      const recordSeqFits = item.supersedes === undefined ? item.record.seq === item.seq : item.record.seq <= item.supersedes;
      if (!recordSeqFits) {
        ctx.addIssue({ code: 'custom', path: ['records', index, 'record', 'seq'], message: "the record's seq does not match the item's seq or what it supersedes" });
      }
    });
  });
export type UploadBatch = z.infer<typeof UploadBatch>;

/** Why central would not keep one item; it counts as held, and the sequence moves on. */
export const RejectedItem = z.object({ seq: Seq, reason: z.string().min(1).max(300) }).strict();
export type RejectedItem = z.infer<typeof RejectedItem>;

/** Central's answer to a batch it accepted (200). */
export const BatchAck = z
  .object({
    /** Every seq up to this one is held by central (kept or rejected). */
    ackedThroughSeq: z.number().int().nonnegative(),
    rejected: z.array(RejectedItem),
  })
  .strict();
export type BatchAck = z.infer<typeof BatchAck>;

export const ErrorCode = z.enum([
  /** 400: the body is not gzip'd JSON, or not a valid batch. */
  'invalid_batch',
  /** 401: the timestamp is more than MAX_CLOCK_SKEW_MS from central's clock. */
  'clock_skew',
  /** 401: the signature does not verify, or headers are missing. */
  'bad_signature',
  /** 401: no key with this id is registered for this appliance. */
  'unknown_key',
  /** 409: the batch does not start right after the last seq central holds; ackedThroughSeq says where to resume. */
  'gap',
  /** 409: a seq central already holds arrived with different content. Central raises an alarm. */
  'digest_mismatch',
  /** 413 */
  'too_large',
  /** 404 */
  'not_found',
  /** 500 */
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z
  .object({
    error: ErrorCode,
    message: z.string().max(500).optional(),
    ackedThroughSeq: z.number().int().nonnegative().optional(),
  })
  .strict();
export type ErrorBody = z.infer<typeof ErrorBody>;

/** GET /v1/appliances/{id}/reconcile?day=YYYY-MM-DD: what central holds for one UTC day of item time. */
export const ReconcileDay = z
  .object({
    day: z.iso.date(),
    count: z.number().int().nonnegative(),
    /** SHA-256 over the item digests of the day, in seq order (see dayDigest). */
    digest: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type ReconcileDay = z.infer<typeof ReconcileDay>;

/**
 * The reference data central sends down. document-list: listed (lost, stolen,
 * revoked) documents, keyed by their entry id; person-list: listed persons,
 * keyed by their id.
 */
export const DeltaKind = z.enum(['alert-list', 'visa-rules', 'config', 'document-list', 'person-list']);
export type DeltaKind = z.infer<typeof DeltaKind>;

/** One change in a delta: an entry added or replaced (value) or removed (value null). */
export const DeltaChange = z.object({ key: z.string().min(1).max(200), value: z.unknown().nullable() }).strict();
export type DeltaChange = z.infer<typeof DeltaChange>;

/**
 * GET /v1/appliances/{id}/deltas?kind=…&since=N: the changes from version N to
 * toVersion, signed with central's key, which the appliance pins in its config.
 */
export const SignedDelta = z
  .object({
    kind: DeltaKind,
    fromVersion: z.number().int().nonnegative(),
    toVersion: z.number().int().nonnegative(),
    changes: z.array(DeltaChange),
    signedAt: z.iso.datetime(),
    /** Ed25519 over deltaSigningPayload(), base64. */
    signature: z.string().min(1),
  })
  .strict()
  .refine((delta) => delta.toVersion >= delta.fromVersion, { error: 'toVersion is before fromVersion' });
export type SignedDelta = z.infer<typeof SignedDelta>;

/** POST /v1/appliances/{id}/health: device health, on its own lossy channel, never in the record stream. */
export const HealthReport = z
  .object({
    at: z.iso.datetime(),
    backlog: z.number().int().nonnegative(),
    oldestUndeliveredAgeMs: z.number().nonnegative().nullable(),
    readers: z.array(z.object({ id: z.string(), state: z.string() }).strict()).max(16),
  })
  .strict();
export type HealthReport = z.infer<typeof HealthReport>;
