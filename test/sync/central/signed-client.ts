import { createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { request, type Dispatcher } from 'undici';
import { keyId, requestSigningPayload } from '../../../sync/protocol/signing.js';
import { KEY_ID_HEADER, paths, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../../sync/protocol/wire.js';
import { APPLIANCE } from './specimen-items.js';

/** An appliance as central sees it: an id and an Ed25519 key pair. */
export interface TestAppliance {
  readonly applianceId: string;
  readonly publicKeyBase64: string;
  readonly keyId: string;
  readonly privateKey: KeyObject;
}

export function makeAppliance(applianceId = APPLIANCE): TestAppliance {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  const publicKeyBase64 = Buffer.from(jwk.x ?? '', 'base64url').toString('base64');
  return { applianceId, publicKeyBase64, keyId: keyId(publicKeyBase64), privateKey };
}

export interface CentralAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string | string[] | undefined>;
}

export interface SignedRequest {
  readonly method: 'GET' | 'POST';
  /** Path and query, e.g. paths.deltas(id) + '?kind=config&since=0'. */
  readonly path: string;
  readonly body?: Buffer;
  readonly headers?: Record<string, string>;
  /** Default now. */
  readonly timestamp?: string;
  /** Sign as a different appliance id than the one in the path (forgeries). */
  readonly signedApplianceId?: string;
  /** Leave out the signing headers altogether. */
  readonly unsigned?: boolean;
  readonly dispatcher?: Dispatcher;
}

/** One request signed the way the protocol says: over v1, the appliance, the timestamp and the body as sent. */
export async function signedRequest(baseUrl: string, appliance: TestAppliance, options: SignedRequest): Promise<CentralAnswer> {
  const body = options.body ?? Buffer.alloc(0);
  const timestamp = options.timestamp ?? new Date().toISOString();
  const signature = sign(null, requestSigningPayload(options.signedApplianceId ?? appliance.applianceId, timestamp, body), appliance.privateKey).toString('base64');
  const headers: Record<string, string> = {
    ...(options.unsigned === true ? {} : { [TIMESTAMP_HEADER]: timestamp, [KEY_ID_HEADER]: appliance.keyId, [SIGNATURE_HEADER]: signature }),
    ...options.headers,
  };
  const response = await request(`${baseUrl}${options.path}`, {
    method: options.method,
    headers,
    ...(options.method === 'POST' ? { body } : {}),
    ...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }),
  });
  const text = await response.body.text();
  return { status: response.statusCode, body: text.length === 0 ? undefined : (JSON.parse(text) as unknown), headers: response.headers };
}

/** POST …/batches with the batch gzip'd, as the relay sends it. */
export function postBatch(baseUrl: string, appliance: TestAppliance, batch: unknown, options: Partial<SignedRequest> = {}): Promise<CentralAnswer> {
  return signedRequest(baseUrl, appliance, {
    method: 'POST',
    path: paths.batches(appliance.applianceId),
    body: gzipSync(JSON.stringify(batch)),
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    ...options,
  });
}

export function getSigned(baseUrl: string, appliance: TestAppliance, path: string, options: Partial<SignedRequest> = {}): Promise<CentralAnswer> {
  return signedRequest(baseUrl, appliance, { method: 'GET', path, ...options });
}
