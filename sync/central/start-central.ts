import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { CentralConfigError } from './central-database.js';
import { loadOrCreateCentralKey } from './central-key.js';
import { openCentralStore, type CentralStore } from './central-store.js';
import { centralRequestListener } from './http-server.js';

export const DEFAULT_CENTRAL_PORT = 8787;
export const DEFAULT_CENTRAL_HOST = '127.0.0.1';

/** PEM text or bytes. With clientCa, every client must present a certificate it signed (mutual TLS). */
export interface CentralTls {
  readonly cert: string | Buffer;
  readonly key: string | Buffer;
  readonly clientCa?: string | Buffer;
}

export interface StartCentralOptions {
  readonly dataDir: string;
  /** 0 picks a free port; default 8787. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  readonly tls?: CentralTls;
  /** Central's clock, for tests of clock skew; default the system clock. */
  readonly now?: () => Date;
  /** Where event lines go (alarms, internal errors); default standard error. */
  readonly log?: (line: string) => void;
}

export interface RunningCentral {
  /** http(s)://host:port, without a trailing slash. */
  readonly url: string;
  readonly port: number;
  /** Central's Ed25519 public key, base64 of the raw 32 bytes: what appliances pin. */
  readonly publicKeyBase64: string;
  readonly store: CentralStore;
  /** Stops accepting, ends idle keep-alive connections (and, after a grace second, busy ones), then closes the database. */
  close(): Promise<void>;
}

/** How long close() lets requests in flight finish before cutting their connections. */
const CLOSE_GRACE_MS = 1000;

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function makeServer(tls: CentralTls | undefined): Server {
  if (tls === undefined) return createHttpServer();
  try {
    return createHttpsServer({
      cert: tls.cert,
      key: tls.key,
      ...(tls.clientCa === undefined ? {} : { ca: tls.clientCa, requestCert: true, rejectUnauthorized: true }),
    });
  } catch (error) {
    throw new CentralConfigError(`the TLS certificate, key or client CA cannot be used: ${error instanceof Error ? error.message : 'unknown error'}`);
  }
}

/** Starts the reference central receiver in this process. */
export async function startCentral(options: StartCentralOptions): Promise<RunningCentral> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const key = loadOrCreateCentralKey(options.dataDir);
  const store = openCentralStore(options.dataDir);
  let server: Server;
  try {
    server = makeServer(options.tls);
    server.on('request', centralRequestListener({ store, key, now, log }));
    const host = options.host ?? DEFAULT_CENTRAL_HOST;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? DEFAULT_CENTRAL_PORT, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    store.close();
    throw error;
  }
  server.on('error', (error) => {
    log(`central: server error ${error.name}`);
  });
  const address = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `${options.tls === undefined ? 'http' : 'https'}://${hostForUrl(address.address)}:${String(address.port)}`,
    port: address.port,
    publicKeyBase64: key.publicKeyBase64,
    store,
    close() {
      closing ??= new Promise<void>((resolve) => {
        const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        server.close(() => {
          clearTimeout(cut);
          store.close();
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
