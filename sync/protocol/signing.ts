import { createPublicKey, hash, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../../main/common/json/canonical-json.js';
import { PROTOCOL_VERSION, type DeltaChange, type DeltaKind } from './wire.js';

/** One-shot: central digests every item it receives, and a Hash object per item cost twice as much. */
export function sha256Hex(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex');
}

/** A key's id on the wire: the SHA-256 of its raw 32 public bytes, hex. */
export function keyId(publicKeyBase64: string): string {
  return sha256Hex(Buffer.from(publicKeyBase64, 'base64'));
}

/** An Ed25519 public key from its raw 32 bytes in base64 (the form `sahman key` prints). */
export function ed25519PublicKey(publicKeyBase64: string): KeyObject {
  const raw = Buffer.from(publicKeyBase64, 'base64');
  if (raw.length !== 32) throw new Error('an Ed25519 public key is 32 bytes');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

export function verifyEd25519(publicKey: KeyObject, payload: Uint8Array, signatureBase64: string): boolean {
  const signature = Buffer.from(signatureBase64, 'base64');
  if (signature.length !== 64) return false;
  return verify(null, payload, publicKey, signature);
}

/**
 * What an upload's signature covers: the protocol version, the appliance, the
 * timestamp header and the SHA-256 of the body exactly as sent (compressed).
 */
export function requestSigningPayload(applianceId: string, timestamp: string, body: Uint8Array): Buffer {
  return Buffer.from(`sahman-sync/${PROTOCOL_VERSION}\n${applianceId}\n${timestamp}\n${sha256Hex(body)}`, 'utf8');
}

/** What central's signature on a delta covers. */
export function deltaSigningPayload(
  applianceId: string,
  delta: { kind: DeltaKind; fromVersion: number; toVersion: number; changes: readonly DeltaChange[]; signedAt: string },
): Buffer {
  return Buffer.from(
    `sahman-delta/${PROTOCOL_VERSION}\n${applianceId}\n${delta.kind}\n${String(delta.fromVersion)}\n${String(delta.toVersion)}\n${delta.signedAt}\n${sha256Hex(canonicalJson(delta.changes))}`,
    'utf8',
  );
}
