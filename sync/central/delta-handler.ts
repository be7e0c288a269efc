import * as z from 'zod';
import { deltaSigningPayload } from '../protocol/signing.js';
import { DeltaKind, SignedDelta } from '../protocol/wire.js';
import type { CentralKey } from './central-key.js';
import type { DeltaStore } from './delta-store.js';
import { refuse, replyWith, type Reply } from './replies.js';
import { describeIssues } from '../../main/common/contract/describe-issues.js';

const DeltaQuery = z.object({
  kind: DeltaKind,
  since: z
    .string()
    .regex(/^\d{1,15}$/, 'a version number')
    .transform(Number),
});

/**
 * GET …/deltas?kind=K&since=N: everything after version N, signed for this
 * appliance. The appliance id is in the signed payload so that one appliance's
 * delta cannot be replayed to another.
 */
export function handleDeltas(deltas: DeltaStore, key: CentralKey, applianceId: string, query: URLSearchParams, now: () => Date): Reply {
  const parsed = DeltaQuery.safeParse({ kind: query.get('kind') ?? undefined, since: query.get('since') ?? undefined });
  // invalid_batch is the protocol's one code for a malformed request, a query included.
  if (!parsed.success) throw refuse(400, 'invalid_batch', describeIssues(parsed.error));
  const { kind, since } = parsed.data;
  const { toVersion, changes } = deltas.since(kind, since);
  if (since > toVersion) throw refuse(400, 'invalid_batch', `since ${String(since)} is beyond central's latest ${kind} version, ${String(toVersion)}`);
  const unsigned = { kind, fromVersion: since, toVersion, changes, signedAt: now().toISOString() };
  const signature = key.sign(deltaSigningPayload(applianceId, unsigned)).toString('base64');
  return replyWith(200, SignedDelta, { ...unsigned, signature });
}
