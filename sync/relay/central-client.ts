import { Pool } from 'undici';
import { requestSigningPayload, keyId } from '../protocol/signing.js';
import { KEY_ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../protocol/wire.js';

/** The appliance's key, as the relay needs it: sign, and say which key signed. */
export interface RequestSigner {
  readonly publicKeyBase64: string;
  sign(payload: Buffer): Buffer;
}

export interface CentralTls {
  /** PEM of the CA that central's certificate must chain to; no other CA is trusted. */
  readonly ca?: string;
  /** PEM client certificate and key, for mutual TLS. */
  readonly cert?: string;
  readonly key?: string;
}

export interface CentralClientOptions {
  readonly url: string;
  readonly applianceId: string;
  readonly signer: RequestSigner;
  readonly requestTimeoutMs: number;
  readonly tls?: CentralTls;
}

export interface CentralResponse {
  readonly status: number;
  /** Parsed JSON, or undefined when the body was empty or not JSON (validated by the caller). */
  readonly body: unknown;
  /** Central's Date header, for the clock check. */
  readonly date: string | undefined;
}

/** The network could not carry the request: connection refused, reset, timed out, cut short. */
export class CentralUnreachable extends Error {
  override readonly name = 'CentralUnreachable';
  constructor(
    message: string,
    /** True when nothing answered at all (refused, no route): the screens say "offline". */
    readonly offline: boolean,
  ) {
    super(message);
  }
}

const OFFLINE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

function errorCode(error: unknown): string | undefined {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/**
 * Signed requests to central over one keep-alive HTTP/1.1 connection (undici):
 * the relay sends one batch at a time, so one connection is all it needs, and
 * reusing it saves a handshake per batch. With `tls.ca`, only central's pinned
 * CA is trusted.
 */
export class CentralClient {
  private readonly pool: Pool;
  private readonly basePath: string;
  private readonly keyId: string;

  constructor(private readonly options: CentralClientOptions) {
    const url = new URL(options.url);
    this.basePath = url.pathname.replace(/\/$/, '');
    this.keyId = keyId(options.signer.publicKeyBase64);
    this.pool = new Pool(url.origin, {
      connections: 1,
      keepAliveTimeout: 30_000,
      connect: {
        rejectUnauthorized: true,
        ...(options.tls?.ca === undefined ? {} : { ca: options.tls.ca }),
        ...(options.tls?.cert === undefined ? {} : { cert: options.tls.cert }),
        ...(options.tls?.key === undefined ? {} : { key: options.tls.key }),
      },
    });
  }

  async request(method: 'GET' | 'POST', path: string, body?: { bytes: Buffer; contentType: string; contentEncoding?: string }): Promise<CentralResponse> {
    const timestamp = new Date().toISOString();
    const bytes = body?.bytes ?? Buffer.alloc(0);
    const signature = this.options.signer.sign(requestSigningPayload(this.options.applianceId, timestamp, bytes)).toString('base64');
    const headers: Record<string, string> = {
      [TIMESTAMP_HEADER]: timestamp,
      [KEY_ID_HEADER]: this.keyId,
      [SIGNATURE_HEADER]: signature,
      ...(body === undefined ? {} : { 'content-type': body.contentType }),
      ...(body?.contentEncoding === undefined ? {} : { 'content-encoding': body.contentEncoding }),
    };
    try {
      const response = await this.pool.request({
        method,
        path: `${this.basePath}${path}`,
        headers,
        ...(body === undefined ? {} : { body: bytes }),
        signal: AbortSignal.timeout(this.options.requestTimeoutMs),
      });
      const text = await response.body.text();
      const dateHeader = response.headers.date;
      return { status: response.statusCode, body: parseJson(text), date: typeof dateHeader === 'string' ? dateHeader : undefined };
    } catch (error) {
      const code = errorCode(error);
      const message = error instanceof Error ? `${error.name}: ${error.message}` : 'request failed';
      throw new CentralUnreachable(code === undefined ? message : `${code}: ${message}`, code !== undefined && OFFLINE_CODES.has(code));
    }
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
