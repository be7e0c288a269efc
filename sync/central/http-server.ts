import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { handleBatch } from './batch-handler.js';
import type { CentralKey } from './central-key.js';
import type { CentralStore } from './central-store.js';
import { handleDeltas } from './delta-handler.js';
import { handleHealth } from './health-handler.js';
import { ApplianceId } from './key-registry.js';
import { handleReconcile } from './reconcile-handler.js';
import { errorReply, Refusal, refuse, writeReply, type Reply } from './replies.js';
import { RequestAuthenticator } from './request-auth.js';
import { contentEncoding, gunzipLimited, parseJson, readBody } from './request-body.js';

export interface CentralContext {
  readonly store: CentralStore;
  readonly key: CentralKey;
  readonly now: () => Date;
  /** One line per event; ids, seqs and counts only, never a traveller's data. */
  readonly log: (line: string) => void;
}

type Endpoint = 'batches' | 'deltas' | 'reconcile' | 'health';

const METHODS: Readonly<Record<Endpoint, string>> = { batches: 'POST', deltas: 'GET', reconcile: 'GET', health: 'POST' };
const ROUTE = /^\/v1\/appliances\/([^/]+)\/(batches|deltas|reconcile|health)$/;

interface Route {
  readonly endpoint: Endpoint;
  readonly applianceId: string;
  readonly query: URLSearchParams;
}

/** Method and path to an endpoint; anything else is not found (the protocol has no 405). */
function route(req: IncomingMessage): Route | undefined {
  const [pathname = '', search = ''] = (req.url ?? '').split('?', 2);
  const match = ROUTE.exec(pathname);
  if (match?.[1] === undefined || match[2] === undefined) return undefined;
  const endpoint = match[2] as Endpoint;
  if (req.method !== METHODS[endpoint]) return undefined;
  let applianceId: string;
  try {
    applianceId = decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
  if (!ApplianceId.safeParse(applianceId).success) return undefined;
  return { endpoint, applianceId, query: new URLSearchParams(search) };
}

/**
 * Central's request handling: route, authenticate (headers, clock, key before
 * the body; the signature after it), then the endpoint. Whatever goes wrong
 * inside becomes a protocol answer; the server itself never stops for a request.
 */
export function centralRequestListener(context: CentralContext): RequestListener {
  const auth = new RequestAuthenticator(context.store.keys, context.now);

  async function answer(req: IncomingMessage, found: Route): Promise<Reply> {
    const pending = auth.preflight(found.applianceId, req.headers);
    const raw = await readBody(req);
    const key = auth.verify(pending, raw);
    const encoding = contentEncoding(req);
    switch (found.endpoint) {
      case 'batches':
        // invalid_batch is the protocol's one code for a malformed request.
        if (encoding !== 'gzip') throw refuse(400, 'invalid_batch', 'a batch is sent with content-encoding: gzip');
        return handleBatch({ items: context.store.items, alarms: context.store.alarms, now: context.now, log: context.log }, key, parseJson(gunzipLimited(raw)));
      case 'health':
        if (encoding !== '') throw refuse(400, 'invalid_batch', 'a health report is sent as plain JSON');
        return handleHealth(context.store.health, key, parseJson(raw), context.now());
      case 'deltas':
        return handleDeltas(context.store.deltas, context.key, key.applianceId, found.query, context.now);
      case 'reconcile':
        return handleReconcile(context.store.items, key, found.query);
    }
  }

  return (req: IncomingMessage, res: ServerResponse) => {
    const found = route(req);
    if (found === undefined) {
      writeReply(res, errorReply(404, 'not_found'), !req.complete);
      return;
    }
    answer(req, found)
      .catch((error: unknown): Reply => {
        if (error instanceof Refusal) return error.reply;
        if (req.destroyed && !req.complete) return errorReply(400, 'invalid_batch', 'the request was cut off');
        const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? ` ${error.code}` : '';
        context.log(`central: internal error on ${found.endpoint} for appliance=${found.applianceId}: ${error instanceof Error ? error.name : 'unknown'}${code}`);
        return errorReply(500, 'internal');
      })
      .then((reply) => {
        writeReply(res, reply, !req.complete);
      })
      .catch(() => {
        // The socket is gone; nothing is left to tell anyone.
      });
  };
}
