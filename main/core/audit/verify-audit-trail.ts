import { createPublicKey, verify } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import * as z from 'zod';
import { AuditEvent, type AuditProblem } from '../../common/contract/audit.js';
import { StoredBodyError, decodeStoredBody } from '../store/body-codec.js';
import { canonicalJson } from '../../common/json/canonical-json.js';
import { GENESIS_HASH, chainHash, checkpointPayload } from './chain-hash.js';

export interface AuditBreak {
  /** The chain index where the trail stops being trustworthy. */
  readonly chainIndex: number;
  /** What is wrong there, for a screen to say in its own language (AuditProblem). */
  readonly code: AuditProblem;
  /** The same in English, with the particulars (which checkpoint, which event). */
  readonly problem: string;
}

export interface AuditVerification {
  readonly intact: boolean;
  readonly events: number;
  readonly checkpoints: number;
  /** The first broken link, in chain order; absent when intact. */
  readonly firstBreak?: AuditBreak;
}

/** Digests are stored as 32 bytes and compared as hex, the form checkpoints sign. */
const StoredDigest = z.instanceof(Uint8Array).transform((bytes) => Buffer.from(bytes).toString('hex'));

const EventRow = z.object({
  chain_index: z.number().int(),
  seq: z.number().int(),
  body: z.instanceof(Uint8Array),
  prev_hash: StoredDigest,
  hash: StoredDigest,
});

const CheckpointRow = z.object({
  id: z.number().int(),
  chain_index: z.number().int(),
  head_hash: z.string(),
  signed_at: z.string(),
  public_key: z.string(),
  signature: z.string(),
});
type CheckpointRow = z.infer<typeof CheckpointRow>;

/** Events read per page: pages, not one cursor, so that the asynchronous verifier lets other statements run between them. */
const PAGE_EVENTS = 2_000;

/**
 * Checks the whole audit trail: every link's hash, the chain's order and
 * continuity, every checkpoint's signature (by the appliance key), that every
 * checkpointed head is still the event it signed (catches an edit re-hashed to
 * the end), that the chain reaches every checkpoint (catches a cut tail), and
 * that every audit seq the outbox issued still has its event.
 */
export function verifyAuditTrail(db: Database, applianceId: string, applianceKeyBase64: string): AuditVerification {
  const steps = verificationSteps(db, applianceId, applianceKeyBase64);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/**
 * The same check a page of events per turn of the event loop, for the core:
 * recording goes on while a long trail is verified. Events appended meanwhile
 * are checked too, up to the head it finds last.
 */
export async function verifyAuditTrailInTurns(db: Database, applianceId: string, applianceKeyBase64: string): Promise<AuditVerification> {
  const steps = verificationSteps(db, applianceId, applianceKeyBase64);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

type Report = (chainIndex: number, code: AuditProblem, problem: string) => void;

function* verificationSteps(db: Database, applianceId: string, applianceKeyBase64: string): Generator<undefined, AuditVerification> {
  const breaks: AuditBreak[] = [];
  const report: Report = (chainIndex, code, problem) => {
    breaks.push({ chainIndex, code, problem });
  };

  const checkpoints = db
    .prepare('SELECT id, chain_index, head_hash, signed_at, public_key, signature FROM audit_checkpoints ORDER BY id')
    .all()
    .map((row) => CheckpointRow.parse(row));
  const validCheckpoints = checkpoints.filter((checkpoint) => checkSignature(checkpoint, applianceId, applianceKeyBase64, report));
  const signedHeads = new Map(validCheckpoints.map((checkpoint) => [checkpoint.chain_index, checkpoint.head_hash]));

  let previous: { chainIndex: number; hash: string } | undefined;
  let count = 0;
  let unreadable = false;
  const seqs = new Set<number>();
  const page = db.prepare('SELECT chain_index, seq, body, prev_hash, hash FROM audit_events WHERE chain_index > ? ORDER BY chain_index LIMIT ?');
  let after = Number.MIN_SAFE_INTEGER;
  while (!unreadable) {
    const rows = page.all(after, PAGE_EVENTS);
    for (const raw of rows) {
      const row = EventRow.safeParse(raw);
      if (!row.success) {
        report(previous === undefined ? 1 : previous.chainIndex + 1, 'unreadable-row', 'a row of the audit table is not readable');
        unreadable = true;
        break;
      }
      const { chain_index: chainIndex, seq, prev_hash: prevHash, hash } = row.data;
      after = chainIndex;
      count += 1;
      seqs.add(seq);
      const body = readBody(row.data.body);
      if (typeof body !== 'string') {
        report(chainIndex, 'unreadable-event', `the event cannot be read (${body.message})`);
        previous = { chainIndex, hash };
        continue;
      }
      if (previous === undefined) {
        const anchor = chainIndex === 1 ? GENESIS_HASH : signedHeads.get(chainIndex - 1);
        if (anchor === undefined) report(chainIndex, 'unanchored-start', `the trail starts at event ${String(chainIndex)} and no signed checkpoint vouches for what came before`);
        else if (anchor !== prevHash) report(chainIndex, 'anchor-mismatch', 'the first event does not link to the signed checkpoint before it');
      } else if (chainIndex !== previous.chainIndex + 1) {
        report(previous.chainIndex + 1, 'missing-event', `event ${String(previous.chainIndex + 1)} is missing`);
      } else if (prevHash !== previous.hash) {
        report(chainIndex, 'broken-link', 'the event does not link to the one before it (an event was changed, removed or moved)');
      }
      if (chainHash(prevHash, body) !== hash) report(chainIndex, 'edited', "the event's content does not match its hash (it was edited)");
      checkBody(body, chainIndex, seq, report);
      const signedHead = signedHeads.get(chainIndex);
      if (signedHead !== undefined && signedHead !== hash) {
        report(chainIndex, 'rehashed', 'the event differs from the one a signed checkpoint vouched for (edited and re-hashed)');
      }
      previous = { chainIndex, hash };
    }
    if (rows.length < PAGE_EVENTS) break;
    yield undefined;
  }

  const lastIndex = previous?.chainIndex ?? 0;
  for (const checkpoint of validCheckpoints) {
    if (checkpoint.chain_index > lastIndex) {
      report(lastIndex + 1, 'truncated', `the trail ends at event ${String(lastIndex)}, but a signed checkpoint covers events up to ${String(checkpoint.chain_index)} (the end was cut off)`);
    }
  }
  let firstSeq = Number.POSITIVE_INFINITY;
  for (const seq of seqs) if (seq < firstSeq) firstSeq = seq;
  const orphans = db
    .prepare("SELECT seq FROM outbox WHERE kind = 'audit' AND seq >= ? ORDER BY seq")
    .pluck()
    .all(Number.isFinite(firstSeq) ? firstSeq : 0) as number[];
  const missing = orphans.find((seq) => !seqs.has(seq));
  if (missing !== undefined) report(lastIndex + 1, 'orphan-seq', `the outbox holds audit seq ${String(missing)} whose event is gone`);

  breaks.sort((a, b) => a.chainIndex - b.chainIndex);
  const firstBreak = breaks[0];
  return { intact: firstBreak === undefined, events: count, checkpoints: checkpoints.length, ...(firstBreak === undefined ? {} : { firstBreak }) };
}

function checkSignature(
  checkpoint: CheckpointRow,
  applianceId: string,
  applianceKeyBase64: string,
  report: Report,
): boolean {
  if (checkpoint.public_key !== applianceKeyBase64) {
    report(checkpoint.chain_index, 'foreign-checkpoint', `checkpoint ${String(checkpoint.id)} was signed by another key`);
    return false;
  }
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(applianceKeyBase64, 'base64').toString('base64url') }, format: 'jwk' });
  const payload = checkpointPayload(applianceId, checkpoint.chain_index, checkpoint.head_hash, checkpoint.signed_at);
  if (!verify(null, payload, publicKey, Buffer.from(checkpoint.signature, 'base64'))) {
    report(checkpoint.chain_index, 'bad-signature', `checkpoint ${String(checkpoint.id)} has a signature that does not verify`);
    return false;
  }
  return true;
}

function readBody(stored: Uint8Array): string | StoredBodyError {
  try {
    return decodeStoredBody(stored);
  } catch (error) {
    return error instanceof StoredBodyError ? error : new StoredBodyError('unknown damage');
  }
}

function checkBody(body: string, chainIndex: number, seq: number, report: Report): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    report(chainIndex, 'not-json', 'the event is not JSON');
    return;
  }
  const event = AuditEvent.safeParse(parsed);
  if (!event.success) {
    report(chainIndex, 'not-an-event', 'the event is not a valid audit event');
    return;
  }
  if (canonicalJson(event.data) !== body) report(chainIndex, 'not-canonical', 'the event is not in canonical form');
  if (event.data.chainIndex !== chainIndex || event.data.seq !== seq) report(chainIndex, 'moved', 'the event sits at a place in the chain other than the one it names (moved)');
}
