import * as z from 'zod';
import type { Access } from './roles.js';
import { Direction } from './config.js';
import { OfficerAccount, OfficerId, OfficerName, OfficerRoles, OfficerSummary, OneTimePinIssued, Pin, SessionView } from './officers.js';
import { ReaderStatusView, ScanView } from './readers.js';
import { ConfiguredReaders, RawMonitorEvent, RawMonitorRequest, ReaderDevices, ReaderId, ReaderSave, TestScanRequest, TestScanResult } from './reader-console.js';
import { Assessment, Decision, LaneHour, ManualDocumentFields, RecentCrossings, RecordedAnswer, Referral, ReferralOutcome, ResolutionReason } from './crossing.js';
import { MrzFormatSchema } from './mrz-result.js';
import { RPC_PROTOCOL_VERSION } from './rpc-wire.js';
import { DeadLetter } from './dead-letter.js';
import { SyncStatus } from './sync-status.js';
import { AlertListsFreshness } from './alert-lists.js';
import { AuditPage, AuditQuery, AuditVerificationView } from './audit.js';
import { DiagnosticsBundle } from './diagnostics.js';
import { LinkCheck, Registration } from './link-check.js';
import { CentralSettings, CentralSettingsSaved } from './central-settings.js';
import { HitHold, HitReview, OpenHit, OverrideReason } from './alert-hits.js';

/**
 * The RPC contract: every method and event stream the core serves, with the
 * zod schemas of its params, results and events and the roles that may use it.
 * Hosts, the renderer's client and `sahman contract` all derive from this file.
 */

interface MethodSpec<P extends z.ZodType, R extends z.ZodType> {
  readonly summary: string;
  readonly params: P;
  readonly result: R;
  readonly access: Access;
  /** Callable by an officer who must still change a one-time PIN (everything else is refused until then). */
  readonly beforePinChange?: true;
  /** Callable while the officer's session is locked (everything else role-guarded answers session_locked). */
  readonly whileLocked?: true;
}

interface StreamSpec<P extends z.ZodType, E extends z.ZodType> {
  readonly summary: string;
  readonly params: P;
  readonly event: E;
  readonly access: Access;
}

const method = <P extends z.ZodType, R extends z.ZodType>(spec: MethodSpec<P, R>): MethodSpec<P, R> => spec;
const stream = <P extends z.ZodType, E extends z.ZodType>(spec: StreamSpec<P, E>): StreamSpec<P, E> => spec;

const NoParams = z.object({}).strict();

export const SystemInfo = z.object({
  applianceId: z.string(),
  crossingPoint: z.object({ code: z.string(), name: z.string() }),
  lane: z.number().int(),
  directionDefault: Direction,
  version: z.string(),
  /** The screen locks after this many seconds without input; the officer resumes with their PIN. */
  idleLockSeconds: z.number().int().positive(),
  protocolVersion: z.literal(RPC_PROTOCOL_VERSION),
  /** Which host runs the core: the Electron kiosk or `sahman serve`. */
  host: z.enum(['electron', 'serve', 'embedded']),
  startedAt: z.iso.datetime(),
});
export type SystemInfo = z.infer<typeof SystemInfo>;

export const UptimeEvent = z.object({
  uptimeMs: z.number().nonnegative(),
  at: z.iso.datetime(),
});
export type UptimeEvent = z.infer<typeof UptimeEvent>;

export const LinkTestEvent = z.object({
  seq: z.number().int().nonnegative(),
  payload: z.string(),
});
export type LinkTestEvent = z.infer<typeof LinkTestEvent>;

/** What the "Simulate a scan" button offers. */
export const SimulatedDocumentKind = z.enum(['valid', 'expired', 'ocr-error', 'minor']);
export type SimulatedDocumentKind = z.infer<typeof SimulatedDocumentKind>;

const ANY_OFFICER = ['guard', 'supervisor', 'technician'] as const;

const DAY_MS = 86_400_000;
/** A period the screen may export at once; longer ones are `sahman export`'s, which streams to a file. */
export const MAX_EXPORT_DAYS = 31;

export const ExportRequest = z
  .object({ since: z.iso.datetime(), until: z.iso.datetime(), format: z.enum(['csv', 'jsonl']) })
  .strict()
  .refine((request) => Date.parse(request.until) > Date.parse(request.since), { path: ['until'], error: 'the period must end after it starts' })
  .refine((request) => Date.parse(request.until) - Date.parse(request.since) <= MAX_EXPORT_DAYS * DAY_MS, { path: ['until'], error: `at most ${String(MAX_EXPORT_DAYS)} days at once; use sahman export for longer` });
export type ExportRequest = z.infer<typeof ExportRequest>;

export const ExportEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('chunk'), text: z.string() }),
  z.object({ kind: z.literal('done'), records: z.number().int().nonnegative() }),
]);
export type ExportEvent = z.infer<typeof ExportEvent>;

export const rpcMethods = {
  'auth.login': method({
    summary: 'Signs an officer in on this connection with their id and PIN.',
    params: z.object({ officerId: OfficerId, pin: z.string().min(1).max(64) }).strict(),
    result: OfficerSummary,
    access: 'anyone',
  }),
  'auth.logout': method({
    summary: 'Signs the officer out of this connection.',
    params: NoParams,
    result: z.object({}),
    access: ANY_OFFICER,
    beforePinChange: true,
    whileLocked: true,
  }),
  'auth.whoami': method({
    summary: 'The officer signed in on this connection, or null.',
    params: NoParams,
    result: OfficerSummary.nullable(),
    access: 'anyone',
  }),
  'auth.changePin': method({
    summary: "Changes the signed-in officer's PIN (required before anything else after a one-time PIN).",
    params: z.object({ currentPin: z.string().min(1).max(64), newPin: Pin }).strict(),
    result: OfficerSummary,
    access: ANY_OFFICER,
    beforePinChange: true,
  }),
  'auth.session': method({
    summary: 'The sign-in state of this connection: the officer, or null, and whether the screen is locked.',
    params: NoParams,
    result: SessionView,
    access: 'anyone',
  }),
  'auth.lock': method({
    summary: "Locks this connection's session (the screen went idle or the officer stepped away); audited.",
    params: NoParams,
    result: z.object({}),
    access: ANY_OFFICER,
    beforePinChange: true,
    whileLocked: true,
  }),
  'auth.activity': method({
    summary: "The screen saw the officer's input (keys, touch): an attended session does not lock while they read or type.",
    params: NoParams,
    result: z.object({}),
    access: ANY_OFFICER,
    beforePinChange: true,
  }),
  'auth.unlock': method({
    summary: 'Resumes the locked session with the same officer\'s PIN; a wrong PIN counts towards the lockout.',
    params: z.object({ pin: z.string().min(1).max(64) }).strict(),
    result: OfficerSummary,
    access: 'anyone',
  }),
  'capture.manualEntry': method({
    summary: 'Checks a document the guard typed, exactly as a scanned one; the record will say it was typed.',
    params: z.object({ format: MrzFormatSchema, fields: ManualDocumentFields }).strict(),
    result: Assessment,
    access: ['guard'],
  }),
  'capture.wedge': method({
    summary: 'Checks a zone a keyboard-wedge reader typed into the window, exactly as a reader\'s scan.',
    params: z.object({ text: z.string().min(1).max(400) }).strict(),
    result: Assessment,
    access: ['guard'],
  }),
  'capture.record': method({
    summary:
      "Records the guard's decision on an assessment; answers only after the record is on disk. Idempotent per assessment: called again, it answers the same record.",
    params: z
      .object({
        assessmentId: z.uuid(),
        direction: Direction,
        decision: Decision,
        notes: z.string().max(500).default(''),
      })
      .strict(),
    result: z.object({ id: z.uuid(), seq: z.number().int().positive(), recordedAt: z.iso.datetime() }),
    access: ['guard'],
  }),
  'capture.acknowledgeHits': method({
    summary:
      'The guard acknowledges the alert-list hits of an undecided assessment (audited, once); until then capture.record answers hits_unacknowledged. Answers what the hits still allow.',
    params: z.object({ assessmentId: z.uuid() }).strict(),
    result: HitHold,
    access: ['guard'],
  }),
  'capture.hitHold': method({
    summary: 'What the alert-list hits of an undecided assessment allow now (acknowledged, overridden): the lane reads it when a card comes back and while a referral is held.',
    params: z.object({ assessmentId: z.uuid() }).strict(),
    result: HitHold,
    access: ['guard'],
  }),
  'alerts.override': method({
    summary:
      'A supervisor lets the lane record an outcome other than refer on an undecided assessment whose refer or arrest hit would demand a referral; audited, and the record carries who and why.',
    params: z.object({ assessmentId: z.uuid(), reason: OverrideReason }).strict(),
    result: HitHold,
    access: ['supervisor'],
  }),
  'alerts.openHits': method({
    summary:
      "Alert-list hits awaiting a supervisor, newest first: at the lane, undecided (forgotten or lost in a restart), or referred and not yet reviewed; each with the list entry and the match's explanation.",
    params: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    result: z.array(OpenHit),
    access: ['supervisor'],
  }),
  'alerts.review': method({
    summary: 'A supervisor closes a referred or undecided hit with a finding (confirmed or a false match) and a note; audited. Answers the hit as it was.',
    params: HitReview,
    result: OpenHit,
    access: ['supervisor'],
  }),
  'referrals.queue': method({
    summary: 'Referrals awaiting second line (neither voided nor resolved), longest waiting first, each with the card the guard saw, who took it, and whether it is overdue.',
    params: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    result: z.array(Referral),
    access: ['supervisor'],
  }),
  'referrals.take': method({
    summary: 'The supervisor takes a referral from the queue (audited); another supervisor may take it over.',
    params: z.object({ referralId: z.uuid() }).strict(),
    result: Referral,
    access: ['supervisor'],
  }),
  'referrals.resolve': method({
    summary: 'Resolves a referral the supervisor holds as admitted or refused, with a reason: a new record naming the referral, synced like any other.',
    params: z.object({ referralId: z.uuid(), outcome: ReferralOutcome, reason: ResolutionReason, notes: z.string().max(1000).default('') }).strict(),
    result: RecordedAnswer,
    access: ['supervisor'],
  }),
  'crossings.recent': method({
    summary: 'The latest crossings recorded here over the last hours, newest first, each with its void if it has one, and how many records did not read back: what a supervisor voids from.',
    params: z.object({ hours: z.number().int().min(1).max(24 * 31).default(24), limit: z.number().int().min(1).max(500).default(50) }).strict(),
    result: RecentCrossings,
    access: ['supervisor'],
  }),
  'crossings.void': method({
    summary: 'Voids a crossing with a reason: a new record that names it; nothing is edited or deleted.',
    params: z.object({ crossingId: z.uuid(), reason: z.string().trim().min(10).max(300) }).strict(),
    result: z.object({ id: z.uuid(), seq: z.number().int().positive(), recordedAt: z.iso.datetime() }),
    access: ['supervisor'],
  }),
  'officers.list': method({
    summary: 'Every officer account, active or not.',
    params: NoParams,
    result: z.array(OfficerAccount),
    access: ['supervisor', 'technician'],
  }),
  'officers.create': method({
    summary: 'Creates an officer with a one-time PIN, answered once. A supervisor may create guards only.',
    params: z.object({ id: OfficerId, displayName: OfficerName, roles: OfficerRoles }).strict(),
    result: OneTimePinIssued,
    access: ['supervisor', 'technician'],
  }),
  'officers.update': method({
    summary: "Changes an officer's name or roles. Granting or removing supervisor or technician, or changing a technician, takes a technician.",
    params: z
      .object({ id: OfficerId, displayName: OfficerName.optional(), roles: OfficerRoles.optional() })
      .strict()
      .refine((change) => change.displayName !== undefined || change.roles !== undefined, 'give displayName, roles or both'),
    result: OfficerAccount,
    access: ['supervisor', 'technician'],
  }),
  'officers.setActive': method({
    summary: 'Deactivates or reactivates an officer (never deleted: records name them). The last active technician stays.',
    params: z.object({ id: OfficerId, active: z.boolean() }).strict(),
    result: OfficerAccount,
    access: ['supervisor', 'technician'],
  }),
  'officers.resetPin': method({
    summary: "Gives an officer a new one-time PIN, answered once, and lifts a lockout; they change it at sign-in.",
    params: z.object({ id: OfficerId }).strict(),
    result: OneTimePinIssued,
    access: ['supervisor', 'technician'],
  }),
  'readers.simulateScan': method({
    summary: 'Makes a simulated reader scan one generated document of the chosen kind, through the real reader path.',
    params: z.object({ readerId: z.string().min(1).max(32), kind: SimulatedDocumentKind }).strict(),
    result: z.object({}),
    access: ['guard', 'technician'],
  }),
  'readers.devices': method({
    summary: 'The serial ports and HID devices this machine sees, who holds each, and the configured readers with their live state.',
    params: NoParams,
    result: ReaderDevices,
    access: ['technician'],
  }),
  'readers.save': method({
    summary: "Adds a reader, or replaces one, from its spec: validated field by field (an invalid spec is refused with details.issues and the running reader kept), written to the config file, audited, and applied without a restart.",
    params: ReaderSave,
    result: ConfiguredReaders,
    access: ['technician'],
  }),
  'readers.remove': method({
    summary: 'Stops a reader and removes it from the config file; audited.',
    params: z.object({ id: ReaderId }).strict(),
    result: ConfiguredReaders,
    access: ['technician'],
  }),
  'readers.testScan': method({
    summary: "Waits for the next document from one reader and answers it parsed, with timings; it is neither recorded nor shown to the guard. Audited.",
    params: TestScanRequest,
    result: TestScanResult,
    access: ['technician'],
  }),
  'supervisor.laneActivity': method({
    summary: 'Crossings per lane and hour over the last hours, by decision (voided ones left out).',
    params: z.object({ hours: z.number().int().min(1).max(24 * 31).default(24) }).strict(),
    result: z.array(LaneHour),
    access: ['supervisor'],
  }),
  'sync.deadLetters': method({
    summary: 'Items central rejected, with its reason, and whether each was sent again after a fix.',
    params: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    result: z.array(DeadLetter),
    access: ['supervisor', 'technician'],
  }),
  'sync.requeue': method({
    summary: 'Sends a rejected item again, after a fix, under a new seq that names the one it supersedes.',
    params: z.object({ seq: z.number().int().positive() }).strict(),
    result: z.object({ seq: z.number().int().positive(), supersedes: z.number().int().positive() }),
    access: ['supervisor', 'technician'],
  }),
  'audit.events': method({
    summary: 'The audit trail newest first, by period, officer and action, a page at a time (`next` continues with older events).',
    params: AuditQuery,
    result: AuditPage,
    access: ['supervisor', 'technician'],
  }),
  'audit.verify': method({
    summary: "Verifies the audit chain as `sahman audit verify` does (hashes, links, signed checkpoints), without holding up the lane, and answers the result with the first broken link.",
    params: NoParams,
    result: AuditVerificationView,
    access: ['supervisor', 'technician'],
  }),
  'diagnostics.bundle': method({
    summary: 'The diagnostics bundle, as `sahman diagnostics` writes it, with the live reader and sync state: versions, config, database figures, reader and sync history, the latest log lines; no personal data.',
    params: NoParams,
    result: DiagnosticsBundle,
    access: ['technician'],
  }),
  'central.settings': method({
    summary: "The central endpoint, central's public key, the TLS files and the delivery deadline, as the config file holds them now.",
    params: NoParams,
    result: CentralSettings,
    access: ['technician'],
  }),
  'central.saveSettings': method({
    summary: "Changes the central settings: every field checked (the URL, the key's form, each TLS file read as PEM), refused by field with details.issues, written to the config file, audited, and put in force by restarting the relay without a restart of the appliance.",
    params: CentralSettings,
    result: CentralSettingsSaved,
    access: ['technician'],
  }),
  'central.linkTest': method({
    summary: "Tests the link to central step by step (DNS, TCP, TLS, certificate, HTTP, central's signature, clock) with the relay's own client, and names the first step that failed.",
    params: NoParams,
    result: LinkCheck,
    access: ['technician'],
  }),
  'central.registration': method({
    summary: "What central needs to trust this appliance: its id, public key and the key's fingerprint, and the command central runs to register it.",
    params: NoParams,
    result: Registration,
    access: ['technician'],
  }),
  'system.info': method({
    summary: 'The appliance identity, crossing point, lane, software version and start time.',
    params: NoParams,
    result: SystemInfo,
    access: 'anyone',
  }),
  'system.ping': method({
    summary: 'Answers at once with the core wall-clock time; a liveness and latency probe.',
    params: NoParams,
    result: z.object({ at: z.number() }),
    access: 'anyone',
  }),
} as const;

export const rpcStreams = {
  'readers.status': stream({
    summary: "Every configured reader's state, now and after each change.",
    params: NoParams,
    event: z.object({ readers: z.array(ReaderStatusView) }),
    access: 'anyone',
  }),
  'readers.raw': stream({
    summary: "One reader's bytes as it receives them, noise included, as `sahman monitor --raw` shows them; batched a few times a second, with a count of bytes left out when they come faster than a screen can show. Audited when opened.",
    params: RawMonitorRequest,
    event: RawMonitorEvent,
    access: ['technician'],
  }),
  'capture.assessments': stream({
    summary: 'Each document a reader delivers, with every check run, for the guard to decide on.',
    params: NoParams,
    event: Assessment,
    access: ['guard'],
  }),
  'scans.live': stream({
    summary: 'Each document the readers deliver, with the MRZ verdict, as it arrives.',
    params: NoParams,
    event: ScanView,
    access: ['guard'],
  }),
  'sync.status': stream({
    summary: "The relay's state (idle, sending, backoff, offline, blocked), the backlog and the alarms, now and after each change.",
    params: NoParams,
    event: SyncStatus,
    access: ANY_OFFICER,
  }),
  'alerts.freshness': stream({
    summary: 'Each alert list\'s version and age (fresh, stale beyond alerts.maxListAgeHours, or unavailable), now and after each change.',
    params: NoParams,
    event: AlertListsFreshness,
    access: ANY_OFFICER,
  }),
  'export.records': stream({
    summary: 'The records of a period as CSV or JSON lines, as `sahman export` writes them, in chunks, then the count; the export is audited under the officer.',
    params: ExportRequest,
    event: ExportEvent,
    access: ['supervisor'],
  }),
  'system.uptime': stream({
    summary: 'The core uptime, now and then every intervalMs.',
    params: z.object({ intervalMs: z.number().int().min(100).max(60_000).default(1000) }).strict(),
    event: UptimeEvent,
    access: 'anyone',
  }),
  'diagnostics.linkTest': stream({
    summary: 'Sends count numbered events of payloadBytes each, then completes: measures the UI link.',
    params: z
      .object({
        count: z.number().int().min(1).max(1_000_000),
        payloadBytes: z.number().int().min(0).max(4096).default(0),
      })
      .strict(),
    event: LinkTestEvent,
    access: 'anyone',
  }),
} as const;

export type RpcMethods = typeof rpcMethods;
export type RpcStreams = typeof rpcStreams;
export type MethodName = keyof RpcMethods;
export type StreamName = keyof RpcStreams;
export type MethodParams<M extends MethodName> = z.input<RpcMethods[M]['params']>;
export type MethodResult<M extends MethodName> = z.output<RpcMethods[M]['result']>;
export type StreamParams<S extends StreamName> = z.input<RpcStreams[S]['params']>;
export type StreamEvent<S extends StreamName> = z.output<RpcStreams[S]['event']>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(rpcMethods, name);
}

export function isStreamName(name: string): name is StreamName {
  return Object.hasOwn(rpcStreams, name);
}
