import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { RPC_SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX } from '../../../common/contract/rpc-wire.js';

export type UpgradeVerdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly status: 400 | 401 | 403 | 404 | 421; readonly reason: string };

/** The names this server answers to: loopback only, so a rebinding DNS name never matches. */
export function allowedHosts(port: number): ReadonlySet<string> {
  return new Set([`127.0.0.1:${String(port)}`, `localhost:${String(port)}`]);
}

/**
 * Decides whether a WebSocket upgrade may reach the core, before it happens:
 * the right path, a loopback Host, a same-origin Origin (browsers always send
 * one; other local tools may not), and the per-start token.
 */
export function checkUpgrade(
  path: string,
  headers: IncomingHttpHeaders,
  port: number,
  token: string,
): UpgradeVerdict {
  if (path !== '/rpc') return { ok: false, status: 404, reason: 'not found' };
  const hosts = allowedHosts(port);
  if (headers.host === undefined || !hosts.has(headers.host.toLowerCase())) {
    return { ok: false, status: 421, reason: 'wrong Host' };
  }
  const origin = headers.origin;
  if (origin !== undefined && !isAllowedOrigin(origin, hosts)) {
    return { ok: false, status: 403, reason: 'cross-origin connection refused' };
  }
  const protocols = parseProtocols(headers['sec-websocket-protocol']);
  if (!protocols.includes(RPC_SUBPROTOCOL)) return { ok: false, status: 400, reason: `subprotocol ${RPC_SUBPROTOCOL} required` };
  const presented = protocols.find((value) => value.startsWith(TOKEN_SUBPROTOCOL_PREFIX));
  if (presented === undefined || !tokensEqual(presented.slice(TOKEN_SUBPROTOCOL_PREFIX.length), token)) {
    return { ok: false, status: 401, reason: 'missing or wrong token' };
  }
  return { ok: true };
}

function isAllowedOrigin(origin: string, hosts: ReadonlySet<string>): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && hosts.has(url.host.toLowerCase());
  } catch {
    return false;
  }
}

function parseProtocols(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value.length > 0);
}

function tokensEqual(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
