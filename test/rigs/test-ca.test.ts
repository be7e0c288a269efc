import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { TLSSocket } from 'node:tls';
import { Client } from 'undici';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { makeTestPki, TEST_PKI_NAMES, type TestPki } from './test-ca.js';
import { tempDir } from './temp-dir.js';

interface MutualTlsServer {
  readonly url: string;
  /** The CN of each client certificate the server's handler saw. */
  readonly clients: string[];
}

async function startMutualTlsServer(pki: TestPki): Promise<MutualTlsServer> {
  const clients: string[] = [];
  const server = https.createServer({ key: pki.serverKeyPem, cert: pki.serverCertPem, ca: pki.caCertPem, requestCert: true, rejectUnauthorized: true }, (request, response) => {
    if (!(request.socket instanceof TLSSocket)) throw new Error('an https request without a TLS socket');
    clients.push(String(request.socket.getPeerCertificate().subject.CN));
    response.end('hello');
  });
  // Refused handshakes are expected here; they must not become unhandled errors.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return { url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, clients };
}

function clientTo(url: string, connect: { ca: string; cert?: string; key?: string }): Client {
  const client = new Client(url, { connect, headersTimeout: 10_000, bodyTimeout: 10_000 });
  onTestFinished(() => client.destroy());
  return client;
}

async function get(client: Client): Promise<string> {
  const response = await client.request({ path: '/', method: 'GET' });
  return response.body.text();
}

async function failureOf(promise: Promise<unknown>): Promise<NodeJS.ErrnoException> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error('expected the request to fail, but it succeeded');
}

describe('the test PKI', () => {
  // One PKI for the TLS tests: making it is cheap, but not free on a loaded machine.
  let pkiDir = '';
  let shared: TestPki;
  beforeAll(() => {
    pkiDir = mkdtempSync(path.join(os.tmpdir(), 'sahman-pki-'));
    shared = makeTestPki(pkiDir);
  });
  afterAll(() => {
    rmSync(pkiDir, { recursive: true, force: true });
  });

  it('makes a CA, a server certificate for 127.0.0.1 and localhost, a client certificate, and an unrelated CA', () => {
    const dir = tempDir();
    const pki = makeTestPki(dir);
    const ca = new X509Certificate(pki.caCertPem);
    const server = new X509Certificate(pki.serverCertPem);
    const client = new X509Certificate(pki.clientCertPem);
    const otherCa = new X509Certificate(pki.otherCaCertPem);
    expect(ca.ca).toBe(true);
    expect(otherCa.ca).toBe(true);
    expect(server.ca).toBe(false);
    expect(server.subjectAltName).toBe('IP Address:127.0.0.1, DNS:localhost');
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(server.checkHost('localhost')).toBe('localhost');
    expect(client.subject).toBe(`CN=${TEST_PKI_NAMES.client}`);
    for (const leaf of [server, client]) {
      expect(leaf.checkIssued(ca)).toBe(true);
      expect(leaf.verify(ca.publicKey)).toBe(true);
      expect(leaf.checkIssued(otherCa)).toBe(false);
    }
    expect(server.serialNumber).not.toBe(client.serialNumber);
    expect(pki.files.serverKey.startsWith(dir)).toBe(true);
  });

  it('fails clearly, saying what to install, when openssl is missing', () => {
    expect(() => makeTestPki(tempDir(), '/nonexistent/openssl')).toThrow(/openssl is not installed.*apt-get install openssl/);
  });

  it('lets a server with requestCert accept a client holding a certificate from the CA', async () => {
    const pki = shared;
    const server = await startMutualTlsServer(pki);
    const client = clientTo(server.url, { ca: pki.caCertPem, cert: pki.clientCertPem, key: pki.clientKeyPem });
    expect(await get(client)).toBe('hello');
    expect(server.clients).toEqual([TEST_PKI_NAMES.client]);
  });

  it('lets the server refuse a client without a certificate', async () => {
    const pki = shared;
    const server = await startMutualTlsServer(pki);
    const client = clientTo(server.url, { ca: pki.caCertPem });
    const error = await failureOf(get(client));
    // Under TLS 1.3 the client learns of the refusal from the server's alert, after its own handshake.
    expect(`${error.code ?? ''} ${error.message}`).toMatch(/CERTIFICATE_REQUIRED|ECONNRESET|UND_ERR_SOCKET|other side closed/i);
    expect(server.clients).toEqual([]);
  });

  it('lets a client that pins only the unrelated CA refuse the server', async () => {
    const pki = shared;
    const server = await startMutualTlsServer(pki);
    const client = clientTo(server.url, { ca: pki.otherCaCertPem, cert: pki.clientCertPem, key: pki.clientKeyPem });
    const error = await failureOf(get(client));
    // The server sends its CA along with its certificate, so the client finds a root it does not trust.
    expect(error.code).toMatch(/^(SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)$/);
    expect(server.clients).toEqual([]);
  });
});
