import http from 'node:http';
import net from 'node:net';
import { Readable } from 'node:stream';
import { Pool } from 'undici';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { startFaultProxy, type FaultPlan, type FaultProxy, type Outcome } from './fault-proxy.js';

interface Received {
  readonly method: string;
  readonly path: string;
  readonly body: string;
}

interface Upstream {
  readonly url: string;
  /** Requests whose handler ran to the end, in order. */
  readonly received: Received[];
}

/**
 * A real node:http server, as the central receiver will be. Routes: /echo answers JSON with a
 * Content-Length; /chunked answers in chunks (no Content-Length); /big answers 4000 bytes; /empty
 * answers 204; /bye answers with `Connection: close`.
 */
async function startUpstream(): Promise<Upstream> {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const parts: Buffer[] = [];
    request.on('data', (chunk: Buffer) => parts.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(parts).toString('utf8');
      const path = request.url ?? '/';
      received.push({ method: request.method ?? '', path, body });
      if (path === '/chunked') {
        response.write('one,');
        response.write('two,');
        response.end('three');
      } else if (path === '/big') {
        response.end('x'.repeat(4000));
      } else if (path === '/bye') {
        response.setHeader('connection', 'close');
        response.end('bye');
      } else if (path === '/empty') {
        response.writeHead(204).end();
      } else {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ path, body }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const address = server.address() as net.AddressInfo;
  return { url: `http://127.0.0.1:${address.port}`, received };
}

async function proxyTo(upstream: Upstream, plan: FaultPlan, more: { seed?: number; stallMs?: number } = {}): Promise<FaultProxy> {
  const proxy = await startFaultProxy({ upstream: upstream.url, plan, seed: more.seed ?? 42, ...(more.stallMs === undefined ? {} : { stallMs: more.stallMs }) });
  onTestFinished(() => proxy.close());
  return proxy;
}

function poolTo(proxy: FaultProxy, connections = 4): Pool {
  // Generous timeouts: they only turn a rig bug into a failure instead of a hang.
  const pool = new Pool(proxy.url, { connections, pipelining: 1, headersTimeout: 10_000, bodyTimeout: 10_000 });
  onTestFinished(() => pool.destroy());
  return pool;
}

async function echo(pool: Pool, body: string, signal?: AbortSignal): Promise<{ status: number; text: string }> {
  const response = await pool.request({ path: '/echo', method: 'POST', body, headers: { 'content-type': 'text/plain' }, ...(signal === undefined ? {} : { signal }) });
  return { status: response.statusCode, text: await response.body.text() };
}

function errorCode(error: unknown): string {
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? error.name;
  return String(error);
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail, but it succeeded');
}

const allFaults = (p: number): FaultPlan => ({ serverError: p, resetMidRequest: p, stall: p, truncate: p, dropAck: p });

describe('the fault proxy', () => {
  it('with no faults planned forwards every request and response intact, over keep-alive connections', async () => {
    const upstream = await startUpstream();
    const proxy = await proxyTo(upstream, {});
    const pool = poolTo(proxy);
    const bodies = Array.from({ length: 60 }, (_, i) => `batch-${String(i)}-${'y'.repeat(i * 97)}`);
    const answers = await Promise.all(bodies.map((body) => echo(pool, body)));
    expect(answers.map((answer) => answer.status)).toEqual(bodies.map(() => 200));
    expect(answers.map((answer) => JSON.parse(answer.text) as unknown)).toEqual(bodies.map((body) => ({ path: '/echo', body })));

    // Framings other than Content-Length: a chunked request body, a chunked response, HEAD and 204.
    const streamed = await pool.request({ path: '/echo', method: 'POST', body: Readable.from(['streamed,', 'in,', 'chunks']) });
    expect(await streamed.body.json()).toEqual({ path: '/echo', body: 'streamed,in,chunks' });
    const chunked = await pool.request({ path: '/chunked', method: 'GET' });
    expect(chunked.headers['transfer-encoding']).toBe('chunked');
    expect(await chunked.body.text()).toBe('one,two,three');
    const head = await pool.request({ path: '/big', method: 'HEAD' });
    expect(head.statusCode).toBe(200);
    expect(await head.body.text()).toBe('');
    const empty = await pool.request({ path: '/empty', method: 'DELETE' });
    expect(empty.statusCode).toBe(204);
    await empty.body.dump();
    const big = await pool.request({ path: '/big', method: 'GET' });
    expect(await big.body.text()).toBe('x'.repeat(4000));
    // An upstream that closes after its answer: the proxy passes that on and closes the client connection.
    const bye = await pool.request({ path: '/bye', method: 'GET' });
    expect(bye.headers.connection).toBe('close');
    expect(await bye.body.text()).toBe('bye');
    expect((await echo(pool, 'after bye')).status).toBe(200);

    expect(upstream.received).toHaveLength(67);
    expect(proxy.counts()).toEqual({ forwarded: 67, serverError: 0, resetMidRequest: 0, stall: 0, truncate: 0, dropAck: 0 });
  });

  it('answers several requests on one client connection, pipelined, and closes it when asked to', async () => {
    const upstream = await startUpstream();
    const proxy = await proxyTo(upstream, {});
    const socket = net.connect(proxy.port, '127.0.0.1');
    onTestFinished(() => {
      socket.destroy();
    });
    let text = '';
    socket.setEncoding('latin1').on('data', (chunk: string) => (text += chunk));
    const ended = new Promise((resolve) => socket.once('end', resolve));
    const request = (body: string, close: boolean): string =>
      `POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n${close ? 'Connection: close\r\n' : ''}\r\n${body}`;
    socket.write(request('first', false) + request('second', false));
    await vi.waitFor(() => expect(text).toContain('"second"'), { timeout: 10_000 });
    socket.write(request('third', true));
    await ended;
    expect(text.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(3);
    expect(text.indexOf('"first"')).toBeLessThan(text.indexOf('"second"'));
    expect(upstream.received.map((r) => r.body)).toEqual(['first', 'second', 'third']);
  });

  it('serverError answers 500 {"error":"internal"} without forwarding, and the connection stays usable', async () => {
    const upstream = await startUpstream();
    const proxy = await proxyTo(upstream, { serverError: 1 });
    const pool = poolTo(proxy, 1);
    const answer = await echo(pool, 'batch');
    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.text)).toEqual({ error: 'internal' });
    expect(upstream.received).toEqual([]);
    proxy.setPlan({});
    expect((await echo(pool, 'again')).status).toBe(200);
    expect(proxy.counts()).toMatchObject({ serverError: 1, forwarded: 1 });
  });

  it('resetMidRequest resets the connection with nothing forwarded', async () => {
    const upstream = await startUpstream();
    const proxy = await proxyTo(upstream, { resetMidRequest: 1 });
    const pool = poolTo(proxy);
    const error = await failureOf(echo(pool, 'z'.repeat(256 * 1024)));
    expect(errorCode(error)).toMatch(/^(ECONNRESET|EPIPE|UND_ERR_SOCKET)$/);
    expect(upstream.received).toEqual([]);
    expect(proxy.counts().resetMidRequest).toBe(1);
    proxy.setPlan({});
    expect((await echo(pool, 'after')).status).toBe(200);
  });

  it('stall keeps the connection silent, so the client timeout fires, with nothing forwarded', async () => {
    const upstream = await startUpstream();
    const proxy = await proxyTo(upstream, {}, { stallMs: 5000 });
    const pool = poolTo(proxy, 1);
    // Connect first, so that the client's 300 ms are spent waiting on the stall, not on a busy machine's connect.
    expect((await echo(pool, 'warm-up')).status).toBe(200);
    proxy.setPlan({ stall: 1 });
    const error = await failureOf(echo(pool, 'batch', AbortSignal.timeout(300)));
    expect(error).toMatchObject({ name: 'TimeoutError' });
    expect(upstream.received.map((r) => r.body)).toEqual(['warm-up']);
    expect(proxy.counts().stall).toBe(1);
    proxy.setPlan({});
    expect((await echo(pool, 'after')).status).toBe(200);
  });

  it('truncate forwards, then gives the client half the response: a broken head or a broken body', async () => {
    const upstream = await startUpstream();
    const proxy = await proxyTo(upstream, { truncate: 1 });
    const pool = poolTo(proxy);
    // A small response: half of it ends inside the head.
    expect(errorCode(await failureOf(echo(pool, 'small')))).toBe('UND_ERR_SOCKET');
    // A 4000-byte body: the head arrives whole, the body stops halfway.
    const big = await pool.request({ path: '/big', method: 'GET' });
    expect(big.statusCode).toBe(200);
    expect(errorCode(await failureOf(big.body.text()))).toBe('UND_ERR_SOCKET');
    expect(upstream.received.map((r) => r.path)).toEqual(['/echo', '/big']);
    expect(proxy.counts().truncate).toBe(2);
  });

  it('dropAck lets upstream process the request in full, then drops the answer: the lost ack', async () => {
    const upstream = await startUpstream();
    const proxy = await proxyTo(upstream, { dropAck: 1 });
    const pool = poolTo(proxy);
    expect(errorCode(await failureOf(echo(pool, 'batch-17')))).toBe('UND_ERR_SOCKET');
    expect(upstream.received).toEqual([{ method: 'POST', path: '/echo', body: 'batch-17' }]);
    expect(proxy.counts().dropAck).toBe(1);
  });

  type Seen = 'ok' | 'serverError' | 'failed';

  /** Sends `total` requests from `workers` concurrent senders; returns what the client saw of each. */
  async function load(pool: Pool, total: number, workers: number): Promise<Seen[]> {
    const seen: Seen[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < total) {
        const body = `batch-${String(next++)}`;
        try {
          const answer = await echo(pool, body);
          if (answer.status === 500) seen.push('serverError');
          else if (answer.status === 200 && (JSON.parse(answer.text) as { body: string }).body === body) seen.push('ok');
          else throw new Error(`unexpected answer ${String(answer.status)} ${answer.text}`);
        } catch (error) {
          if (error instanceof SyntaxError) throw error;
          seen.push('failed');
        }
      }
    };
    await Promise.all(Array.from({ length: workers }, worker));
    return seen;
  }

  const tally = (items: readonly string[], item: string): number => items.filter((x) => x === item).length;

  it('survives a mixed plan of 30% each: the counts add up and the seed replays the same fault sequence', async () => {
    const upstream = await startUpstream();
    // A short stall: the proxy ends it, so no client clock decides the outcome of any request.
    const proxy = await proxyTo(upstream, allFaults(0.3), { seed: 20261128, stallMs: 50 });
    const seen = await load(poolTo(proxy, 16), 300, 16);

    const counts = proxy.counts();
    const history = proxy.history();
    expect(history).toHaveLength(300);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(300);
    for (const outcome of Object.keys(counts) as Outcome[]) expect(counts[outcome]).toBe(tally(history, outcome));
    // Each fault as its own coin, tossed in order (see FaultPlan): loose bounds, as the seed is fixed anyway.
    const expected: Record<Outcome, number> = { serverError: 0.3, resetMidRequest: 0.21, stall: 0.147, truncate: 0.1029, dropAck: 0.072, forwarded: 0.168 };
    for (const outcome of Object.keys(expected) as Outcome[]) {
      expect(counts[outcome]).toBeGreaterThan(0);
      expect(Math.abs(counts[outcome] / 300 - expected[outcome])).toBeLessThan(0.08);
    }

    // What the client saw matches what the proxy says it did, and upstream saw exactly what was forwarded.
    expect(tally(seen, 'ok')).toBe(counts.forwarded);
    expect(tally(seen, 'serverError')).toBe(counts.serverError);
    expect(tally(seen, 'failed')).toBe(counts.resetMidRequest + counts.stall + counts.truncate + counts.dropAck);
    expect(upstream.received).toHaveLength(counts.forwarded + counts.truncate + counts.dropAck);

    // Still working afterwards.
    proxy.setPlan({});
    expect(await load(poolTo(proxy, 4), 20, 4)).toEqual(Array.from({ length: 20 }, () => 'ok'));

    // The same seed gives the same sequence, whatever the concurrency; another seed does not.
    const replay = await proxyTo(upstream, allFaults(0.3), { seed: 20261128, stallMs: 50 });
    await load(poolTo(replay, 5), 300, 5);
    expect(replay.history()).toEqual(history);
    const other = await proxyTo(upstream, allFaults(0.3), { seed: 20261129, stallMs: 50 });
    await load(poolTo(other, 16), 300, 16);
    expect(other.history()).not.toEqual(history);
  });

  it('keeps working through more than a thousand faulty requests', async () => {
    const upstream = await startUpstream();
    const proxy = await proxyTo(upstream, allFaults(0.15), { seed: 7, stallMs: 20 });
    const seen = await load(poolTo(proxy, 16), 1200, 16);
    expect(seen).toHaveLength(1200);
    expect(proxy.history()).toHaveLength(1200);
    expect(tally(seen, 'ok')).toBe(proxy.counts().forwarded);
    proxy.setPlan({});
    expect(await load(poolTo(proxy, 4), 20, 4)).toEqual(Array.from({ length: 20 }, () => 'ok'));
  });

  it('prints its seed once, takes one from the clock by default, and refuses bad plans', async () => {
    const upstream = await startUpstream();
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    onTestFinished(() => {
      log.mockRestore();
    });
    const proxy = await proxyTo(upstream, {}, { seed: 123 });
    expect(log.mock.calls).toEqual([['fault-proxy seed=123']]);
    const clocked = await startFaultProxy({ upstream: upstream.url, plan: {} });
    onTestFinished(() => clocked.close());
    expect(Number.isInteger(clocked.seed)).toBe(true);
    expect(log).toHaveBeenLastCalledWith(`fault-proxy seed=${String(clocked.seed)}`);
    expect(() => {
      proxy.setPlan({ stall: 1.5 });
    }).toThrow(RangeError);
    await expect(startFaultProxy({ upstream: upstream.url, plan: { dropAck: -1 } })).rejects.toThrow(RangeError);
  });

  it('close() ends pending stalls and open connections promptly, and can be called twice', async () => {
    const upstream = await startUpstream();
    const proxy = await proxyTo(upstream, { stall: 1 }, { stallMs: 60_000 });
    const pool = poolTo(proxy);
    const pending = failureOf(echo(pool, 'stalled'));
    await vi.waitFor(() => expect(proxy.counts().stall).toBe(1), { timeout: 10_000 });
    await Promise.all([proxy.close(), proxy.close()]);
    expect(errorCode(await pending)).toMatch(/^(ECONNRESET|UND_ERR_SOCKET)$/);
  });
});
