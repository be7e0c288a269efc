import * as z from 'zod';
import { itemTime } from '../protocol/digests.js';
import { sha256Hex } from '../protocol/signing.js';
import { BatchAck, Seq, UploadBatch, type SyncItem } from '../protocol/wire.js';
import type { AlarmStore } from './alarm-store.js';
import { canonicalJson } from '../../main/common/json/canonical-json.js';
import type { ItemStore, PreparedItem } from './item-store.js';
import type { RegisteredKey } from './key-registry.js';
import { errorReply, refuse, replyWith, type Reply } from './replies.js';
import { describeIssues } from '../../main/common/contract/describe-issues.js';

/**
 * The batch as an envelope: its seq rules, with each item only an object with
 * a seq. An item that is not a valid SyncItem is rejected on its own and the
 * stream moves on (a batch refused for one bad item would be refused forever);
 * only a broken envelope fails the batch.
 */
const BatchEnvelope = z
  .object({
    batchId: z.uuid(),
    fromSeq: Seq,
    toSeq: Seq,
    records: z.array(z.looseObject({ seq: Seq })).min(1).max(10_000),
  })
  .strict()
  .superRefine((batch, ctx) => {
    if (batch.records.length !== batch.toSeq - batch.fromSeq + 1) {
      ctx.addIssue({ code: 'custom', path: ['records'], message: 'records must be every seq from fromSeq to toSeq, in order' });
      return;
    }
    batch.records.forEach((item, index) => {
      if (item.seq !== batch.fromSeq + index) ctx.addIssue({ code: 'custom', path: ['records', index, 'seq'], message: 'seq out of order' });
    });
  });

const MAX_REASON = 300;
const IsoTime = z.iso.datetime();

export interface BatchContext {
  readonly items: ItemStore;
  readonly alarms: AlarmStore;
  readonly now: () => Date;
  readonly log: (line: string) => void;
}

const ClaimedTimes = z.object({ record: z.object({ at: z.unknown().optional(), recordedAt: z.unknown().optional() }) });

/** The time a rejected item claims, read the way itemTime() reads a valid one, if it is a valid time at all. */
function claimedTime(raw: Record<string, unknown>): string | null {
  const claimed = ClaimedTimes.safeParse(raw);
  if (!claimed.success) return null;
  const time = IsoTime.safeParse(raw.kind === 'audit' ? claimed.data.record.at : claimed.data.record.recordedAt);
  return time.success ? time.data : null;
}

type RawItem = Record<string, unknown> & { seq: number };

const NOT_CANONICAL = '(item): has no canonical JSON form (a lone surrogate in a string, or a number out of range)';

/**
 * The item as received, in canonical JSON and digested: what itemDigest()
 * gives the appliance for the item it sent. An item with no canonical form
 * (JSON can carry a lone surrogate) is kept as plain JSON and rejected, so
 * that it cannot stall the stream.
 */
function digested(raw: RawItem): { canonical: string; digest: string; canonicalProblem: string | null } {
  try {
    const canonical = canonicalJson(raw);
    return { canonical, digest: sha256Hex(canonical), canonicalProblem: null };
  } catch {
    const plain = JSON.stringify(raw);
    return { canonical: plain, digest: sha256Hex(plain), canonicalProblem: NOT_CANONICAL };
  }
}

function kept(raw: RawItem, item: SyncItem): PreparedItem {
  const { canonical, digest, canonicalProblem } = digested(raw);
  return { seq: item.seq, kind: item.kind, canonical, digest, itemTime: itemTime(item), rejectedReason: canonicalProblem };
}

/**
 * One item judged alone, as a batch of one, so that UploadBatch's own rules
 * (SyncItem, and a record's seq against the item's) decide, not a copy of them.
 */
function judgedAlone(batchId: string, raw: RawItem): PreparedItem {
  const single = UploadBatch.safeParse({ batchId, fromSeq: raw.seq, toSeq: raw.seq, records: [raw] });
  const item = single.data?.records[0];
  if (item !== undefined) return kept(raw, item);
  // Issues come at records.0.…; the reason names the path within the item.
  const issues = single.error?.issues ?? [];
  const { canonical, digest } = digested(raw);
  return {
    seq: raw.seq,
    kind: typeof raw.kind === 'string' ? raw.kind.slice(0, 32) : 'unknown',
    canonical,
    digest,
    itemTime: claimedTime(raw),
    rejectedReason: issues.length === 0 ? 'not a valid item' : describeIssues(issues, { whole: '(item)', dropPathPrefix: 2, maxLength: MAX_REASON }),
  };
}

/** The envelope's fields; its checked copy is dropped at once, so that it keeps no item alive. */
function checkedEnvelope(body: unknown): { batchId: string; fromSeq: number; toSeq: number; records: (RawItem | undefined)[] } {
  const envelope = BatchEnvelope.safeParse(body);
  // invalid_batch: the protocol's one code for a malformed request.
  if (!envelope.success) throw refuse(400, 'invalid_batch', describeIssues(envelope.error, { whole: '(body)', maxLength: 500 }));
  // The envelope passed, so the body is this shape; its items are judged as they were sent.
  return { batchId: envelope.data.batchId, fromSeq: envelope.data.fromSeq, toSeq: envelope.data.toSeq, records: (body as { records: (RawItem | undefined)[] }).records };
}

/**
 * Each item judged on its own, as the store takes it: one bad item is
 * rejected alone instead of failing the batch. Items are prepared only when
 * the store asks for them and let go of at once: a 2,000-item batch parses into
 * some 100,000 objects, and with the whole batch validated and digested up
 * front, every collection during it had them all to copy (central's collector
 * took a sixth of its time).
 */
function* preparedItems(batchId: string, records: (RawItem | undefined)[]): Generator<PreparedItem> {
  for (let index = 0; index < records.length; index++) {
    const raw = records[index];
    // The envelope check gave an object at every index; an empty one means the items were read twice.
    if (raw === undefined) throw new Error("a batch's items can be prepared only once");
    records[index] = undefined;
    yield judgedAlone(batchId, raw);
  }
}

/**
 * POST …/batches, once the signature verified and the body inflated. Every
 * answer is the same for the same batch, however often it comes: that is what
 * lets the appliance resend a batch whose acknowledgement it lost.
 */
export function handleBatch(context: BatchContext, key: RegisteredKey, body: unknown): Reply {
  const { batchId, fromSeq, toSeq, records } = checkedEnvelope(body);
  const outcome = context.items.ingest(key, fromSeq, toSeq, preparedItems(batchId, records), context.now());
  switch (outcome.outcome) {
    case 'gap':
      return errorReply(409, 'gap', `the batch starts at seq ${String(fromSeq)}; central holds up to ${String(outcome.ackedThroughSeq)}`, {
        ackedThroughSeq: outcome.ackedThroughSeq,
      });
    case 'digest_mismatch': {
      const where = `appliance=${key.applianceId} key=${key.keyId.slice(0, 16)} seq=${String(outcome.seq)} batch=${batchId}`;
      context.alarms.raise({
        raisedAt: context.now().toISOString(),
        kind: 'digest_mismatch',
        applianceId: key.applianceId,
        keyId: key.keyId,
        seq: outcome.seq,
        detail: `seq ${String(outcome.seq)} arrived again with different content in batch ${batchId}`,
      });
      context.log(`central: ALARM digest mismatch ${where}: the batch was refused and nothing of it stored`);
      return errorReply(409, 'digest_mismatch', `seq ${String(outcome.seq)} is already held with different content`, { ackedThroughSeq: outcome.ackedThroughSeq });
    }
    case 'stored':
      if (outcome.rejected.length > 0 && outcome.added > 0) {
        context.log(`central: appliance=${key.applianceId} batch=${batchId} seqs ${String(fromSeq)}-${String(toSeq)}: ${String(outcome.rejected.length)} rejected`);
      }
      return replyWith(200, BatchAck, { ackedThroughSeq: outcome.ackedThroughSeq, rejected: outcome.rejected });
  }
}
