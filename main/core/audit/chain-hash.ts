import { createHash } from 'node:crypto';

/** The first event links to this. */
export const GENESIS_HASH = '0'.repeat(64);

/** SHA-256 over the previous event's hash (hex) followed by this event's canonical JSON (RFC 8785). */
export function chainHash(previousHash: string, canonicalBody: string): string {
  return createHash('sha256').update(previousHash, 'utf8').update(canonicalBody, 'utf8').digest('hex');
}

/** The exact bytes a checkpoint signature covers. */
export function checkpointPayload(applianceId: string, chainIndex: number, headHash: string, signedAt: string): Buffer {
  return Buffer.from(`sahman-audit-checkpoint/v1\n${applianceId}\n${String(chainIndex)}\n${headHash}\n${signedAt}`, 'utf8');
}
