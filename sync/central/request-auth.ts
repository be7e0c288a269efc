import type { IncomingHttpHeaders } from 'node:http';
import type { KeyObject } from 'node:crypto';
import * as z from 'zod';
import { ed25519PublicKey, requestSigningPayload, verifyEd25519 } from '../protocol/signing.js';
import { KEY_ID_HEADER, MAX_CLOCK_SKEW_MS, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../protocol/wire.js';
import type { KeyRegistry, RegisteredKey } from './key-registry.js';
import { refuse } from './replies.js';

const Timestamp = z.iso.datetime({ offset: true });

/** A request whose headers, clock and key passed; its signature is checked once the body is in. */
export interface PendingRequest {
  readonly applianceId: string;
  readonly timestamp: string;
  readonly signature: string;
  readonly key: RegisteredKey;
}

function singleHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * Checks a signed request in the protocol's order: headers, clock skew, key,
 * signature. The first three need no body, so a stranger cannot make central
 * buffer 16 MB before being turned away.
 */
export class RequestAuthenticator {
  /** Parsed public keys by their base64 form: parsing costs more than the lookup. */
  private readonly publicKeys = new Map<string, KeyObject>();

  constructor(
    private readonly keys: KeyRegistry,
    private readonly now: () => Date,
  ) {}

  preflight(applianceId: string, headers: IncomingHttpHeaders): PendingRequest {
    const timestamp = singleHeader(headers, TIMESTAMP_HEADER);
    const keyId = singleHeader(headers, KEY_ID_HEADER);
    const signature = singleHeader(headers, SIGNATURE_HEADER);
    if (timestamp === undefined || keyId === undefined || signature === undefined) {
      throw refuse(401, 'bad_signature', `the ${TIMESTAMP_HEADER}, ${KEY_ID_HEADER} and ${SIGNATURE_HEADER} headers are required`);
    }
    if (!Timestamp.safeParse(timestamp).success) throw refuse(401, 'bad_signature', `${TIMESTAMP_HEADER} is not an ISO 8601 date and time`);
    const skew = this.now().getTime() - Date.parse(timestamp);
    if (Math.abs(skew) > MAX_CLOCK_SKEW_MS) {
      throw refuse(401, 'clock_skew', `the request's timestamp is ${String(Math.round(Math.abs(skew) / 1000))} s ${skew > 0 ? 'behind' : 'ahead of'} central's clock`);
    }
    const key = this.keys.find(applianceId, keyId);
    if (key === undefined) throw refuse(401, 'unknown_key', 'no key with this id is registered for this appliance');
    return { applianceId, timestamp, signature, key };
  }

  verify(pending: PendingRequest, body: Buffer): RegisteredKey {
    const payload = requestSigningPayload(pending.applianceId, pending.timestamp, body);
    if (!verifyEd25519(this.publicKey(pending.key.publicKeyBase64), payload, pending.signature)) {
      throw refuse(401, 'bad_signature', 'the signature does not verify against the registered key');
    }
    return pending.key;
  }

  private publicKey(base64: string): KeyObject {
    let key = this.publicKeys.get(base64);
    if (key === undefined) {
      key = ed25519PublicKey(base64);
      this.publicKeys.set(base64, key);
    }
    return key;
  }
}
