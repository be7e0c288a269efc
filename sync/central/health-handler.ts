import { HealthReport } from '../protocol/wire.js';
import type { HealthStore } from './health-store.js';
import type { RegisteredKey } from './key-registry.js';
import { refuse, type Reply } from './replies.js';
import { describeIssues } from '../../main/common/contract/describe-issues.js';

/** POST …/health: plain JSON, the latest report per appliance kept, answered 204. */
export function handleHealth(health: HealthStore, key: RegisteredKey, body: unknown, receivedAt: Date): Reply {
  const parsed = HealthReport.safeParse(body);
  // invalid_batch is the protocol's one code for a malformed request.
  if (!parsed.success) throw refuse(400, 'invalid_batch', describeIssues(parsed.error));
  health.record(key.applianceId, key.keyId, parsed.data, receivedAt);
  return { status: 204 };
}
