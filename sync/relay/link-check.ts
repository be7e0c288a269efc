import { lookup } from 'node:dns/promises';
import { isIP, connect as connectTcp } from 'node:net';
import { checkServerIdentity, connect as connectTls, type PeerCertificate } from 'node:tls';
import type { LinkCheck, LinkStep, LinkStepName } from '../../main/common/contract/link-check.js';
import { deltaSigningPayload, ed25519PublicKey, verifyEd25519 } from '../protocol/signing.js';
import { MAX_CLOCK_SKEW_MS, SignedDelta, paths } from '../protocol/wire.js';
import { CentralClient, CentralUnreachable, type CentralTls, type RequestSigner } from './central-client.js';

export interface LinkCheckOptions {
  readonly url: string;
  readonly applianceId: string;
  readonly signer: RequestSigner;
  readonly tls: CentralTls;
  /** The key deltas must be signed with, when the config pins one. */
  readonly centralPublicKey?: string;
  readonly timeoutMs: number;
  readonly now?: () => Date;
}

/** What each step found, or the reason it failed; thrown only inside a step. */
class StepFailed extends Error {}

const ORDER: readonly LinkStepName[] = ['dns', 'tcp', 'tls', 'certificate', 'http', 'signature', 'clock'];

/**
 * The technician's connectivity test: each step of reaching central on its
 * own, so that the first failure names what to fix (the name, the network,
 * TLS, central's certificate, the answer, central's signature, the clock).
 * It uses the relay's own client for the signed request, so it tests what
 * the relay does, not a look-alike.
 */
export async function checkCentralLink(options: LinkCheckOptions): Promise<LinkCheck> {
  const now = options.now ?? (() => new Date());
  const url = new URL(options.url);
  const secure = url.protocol === 'https:';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port === '' ? (secure ? 443 : 80) : url.port);
  const steps: LinkStep[] = [];
  let failed: LinkStepName | null = null;
  let delta: unknown;
  let date: string | undefined;

  const run = async (step: LinkStepName, work: () => Promise<string>, applies = true): Promise<void> => {
    if (!applies) {
      steps.push({ step, outcome: 'skipped', detail: skippedBecause(step, secure), ms: 0 });
      return;
    }
    if (failed !== null) {
      steps.push({ step, outcome: 'skipped', detail: `not reached: ${failed} failed`, ms: 0 });
      return;
    }
    const started = performance.now();
    try {
      const detail = await work();
      steps.push({ step, outcome: 'ok', detail: detail.slice(0, 300), ms: round(performance.now() - started) });
    } catch (error) {
      failed = step;
      steps.push({ step, outcome: 'failed', detail: reason(error).slice(0, 300), ms: round(performance.now() - started) });
    }
  };

  await run('dns', async () => {
    if (isIP(host) !== 0) return `${host} is an address: nothing to look up`;
    const found = await withTimeout(lookup(host, { all: true }), options.timeoutMs, `no answer for ${host}`);
    return `${host} is ${found.map((entry) => entry.address).join(', ')}`;
  });
  // By name, as the relay connects: Node tries each address the name has.
  await run('tcp', () => tcpConnect(host, port, options.timeoutMs));
  let certificate: { authorized: boolean; error: string | undefined; peer: PeerCertificate } | undefined;
  await run(
    'tls',
    async () => {
      certificate = await tlsHandshake(host, port, isIP(host) === 0 ? host : undefined, options.tls, options.timeoutMs);
      return `handshake done (${commonName(certificate.peer.subject, 'no common name')})`;
    },
    secure,
  );
  await run(
    'certificate',
    () => {
      if (certificate === undefined) throw new StepFailed('no certificate was presented');
      if (!certificate.authorized) throw new StepFailed(`central's certificate is not trusted: ${certificate.error ?? 'unknown reason'}${options.tls.ca === undefined ? ' (no CA is pinned: set central.caFile)' : ''}`);
      const mismatch = checkServerIdentity(host, certificate.peer);
      if (mismatch !== undefined) throw new StepFailed(`central's certificate is not for ${host}: ${mismatch.message}`);
      return Promise.resolve(`issued to ${commonName(certificate.peer.subject, host)} by ${commonName(certificate.peer.issuer, 'its CA')}, valid until ${certificate.peer.valid_to}`);
    },
    secure,
  );
  await run('http', async () => {
    const client = new CentralClient({ url: options.url, applianceId: options.applianceId, signer: options.signer, requestTimeoutMs: options.timeoutMs, tls: options.tls });
    try {
      const response = await client.request('GET', `${paths.deltas(options.applianceId)}?kind=visa-rules&since=0`);
      date = response.date;
      if (response.status === 401) throw new StepFailed("central answered 401: it does not know this appliance's key; register it (sahman central register-key)");
      if (response.status !== 200) throw new StepFailed(`central answered ${String(response.status)}`);
      delta = response.body;
      return 'central answered 200 to a signed request';
    } catch (error) {
      if (error instanceof CentralUnreachable) throw new StepFailed(error.message);
      throw error;
    } finally {
      await client.close();
    }
  });
  await run(
    'signature',
    () => {
      const parsed = SignedDelta.safeParse(delta);
      if (!parsed.success) throw new StepFailed('the answer is not a signed delta');
      const key = options.centralPublicKey;
      if (key === undefined) return Promise.resolve('not checked');
      if (!verifyEd25519(ed25519PublicKey(key), deltaSigningPayload(options.applianceId, parsed.data), parsed.data.signature)) {
        throw new StepFailed("the answer's signature does not verify against the pinned central key (central.publicKey): central has another key");
      }
      return Promise.resolve('signed by the pinned central key');
    },
    options.centralPublicKey !== undefined,
  );
  await run('clock', () => {
    const central = date === undefined ? Number.NaN : Date.parse(date);
    if (Number.isNaN(central)) throw new StepFailed('central sent no Date header to compare with');
    const skew = now().getTime() - central;
    // The header has whole seconds.
    if (Math.abs(skew) > MAX_CLOCK_SKEW_MS + 1_000) throw new StepFailed(`this appliance's clock is ${String(Math.round(skew / 1000))} s off central's; central refuses beyond ${String(MAX_CLOCK_SKEW_MS / 1000)} s`);
    return Promise.resolve(`within ${String(Math.max(1, Math.ceil(Math.abs(skew) / 1000)))} s of central's clock`);
  });
  steps.sort((a, b) => ORDER.indexOf(a.step) - ORDER.indexOf(b.step));
  return { url: options.url, steps, failedStep: failed, checkedAt: now().toISOString() };
}

function skippedBecause(step: LinkStepName, secure: boolean): string {
  if ((step === 'tls' || step === 'certificate') && !secure) return 'plain http: no TLS';
  return 'no central key is pinned (central.publicKey)';
}

function tcpConnect(host: string, port: number, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp({ host, port });
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      reject(new StepFailed(`no answer from ${host}:${String(port)} within ${String(timeoutMs)} ms`));
    });
    socket.once('connect', () => {
      socket.end();
      resolve(`connected to ${host}:${String(port)}`);
    });
    socket.once('error', (error) => {
      reject(new StepFailed(`${codeOf(error)}: cannot connect to ${host}:${String(port)}`));
    });
  });
}

function tlsHandshake(host: string, port: number, servername: string | undefined, tls: CentralTls, timeoutMs: number): Promise<{ authorized: boolean; error: string | undefined; peer: PeerCertificate }> {
  return new Promise((resolve, reject) => {
    // Not rejecting here: the certificate step says what is wrong with it.
    const socket = connectTls({ host, port, ...(servername === undefined ? {} : { servername }), rejectUnauthorized: false, ...(tls.ca === undefined ? {} : { ca: tls.ca }), ...(tls.cert === undefined ? {} : { cert: tls.cert }), ...(tls.key === undefined ? {} : { key: tls.key }) });
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      reject(new StepFailed(`no TLS handshake within ${String(timeoutMs)} ms`));
    });
    socket.once('secureConnect', () => {
      const problem: unknown = socket.authorizationError;
      const result = { authorized: socket.authorized, error: problem instanceof Error ? problem.message : typeof problem === 'string' ? problem : undefined, peer: socket.getPeerCertificate() };
      socket.end();
      resolve(result);
    });
    socket.once('error', (error: Error) => {
      reject(new StepFailed(`${codeOf(error)}: the TLS handshake failed (${error.message})`));
    });
  });
}

async function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<never>((_resolve, reject) => (timer = setTimeout(() => { reject(new StepFailed(message)); }, ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : 'error';
}

function reason(error: unknown): string {
  if (error instanceof StepFailed) return error.message;
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `${code}: the name does not resolve`;
  return error instanceof Error ? `${typeof code === 'string' ? `${code}: ` : ''}${error.message}` : 'failed';
}

/** A certificate name's common name (a field that may repeat). */
function commonName(name: PeerCertificate['subject'], fallback: string): string {
  const value: unknown = (name as Record<string, unknown>).CN;
  if (typeof value === 'string') return value;
  return Array.isArray(value) && typeof value[0] === 'string' ? value[0] : fallback;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
