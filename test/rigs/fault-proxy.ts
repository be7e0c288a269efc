/**
 * A fault-injecting HTTP/1.1 proxy for fault tests of the sync relay: it sits on 127.0.0.1 between
 * a client (an undici keep-alive Pool) and a plain-HTTP upstream, and per request either forwards
 * it or injects one fault. It works on raw TCP (node:net) rather than node:http because the faults
 * it must make (a reset, half a response, a response swallowed after upstream acted on it) are
 * exactly what an HTTP server library refuses to produce.
 *
 * Framing it understands, in both directions: Content-Length bodies, `Transfer-Encoding: chunked`
 * bodies (with trailers), bodiless answers (HEAD, 1xx interim, 204, 304), and responses delimited
 * by the upstream closing its connection. That covers undici clients and node:http servers as they
 * are. Not supported: TLS, `Expect: 100-continue` handshakes (the proxy waits for the whole body
 * before forwarding), CONNECT and protocol upgrades (101), HTTP/2. Messages are buffered whole
 * (each request before it goes upstream, each response before it goes back), which is fine for
 * test-sized batches and is what lets `truncate` cut a response exactly in half.
 *
 * Each request goes upstream on a fresh connection that is closed once its response is in: a
 * pooled upstream connection could be closed by the upstream's keep-alive timer just as a request
 * is written, and that race would look like an injected fault that the plan did not choose.
 */
import net from 'node:net';
// The simulator's seeded generator: the point is that a fault sequence replays from its seed.
import { seededRandom } from '../../drivers/simulator/seeded-random.js';

/**
 * Probabilities in 0..1, per request. They are independent coins tossed in this order:
 * serverError, resetMidRequest, stall, truncate, dropAck; the first that comes up is the fault,
 * and if none does the request is forwarded. So a lone fault happens with exactly its
 * probability, and plans whose values add up to more than 1 (30% each) are meaningful: with 30%
 * each, 30% serverError, 21% resetMidRequest, 14.7% stall, 10.3% truncate, 7.2% dropAck and 16.8%
 * forwarded.
 */
export interface FaultPlan {
  /** Once the whole request is in, answer 500 `{"error":"internal"}` without forwarding; the connection stays usable. */
  serverError?: number;
  /** Once the request's head is in, reset the client connection (RST); nothing is forwarded. */
  resetMidRequest?: number;
  /** Forward nothing and stay silent for stallMs, then close the connection. */
  stall?: number;
  /** Forward, then give the client only the first half of the response's bytes and close. */
  truncate?: number;
  /** Forward and let upstream answer in full, then close the client connection without the answer. */
  dropAck?: number;
}

export type FaultKind = 'serverError' | 'resetMidRequest' | 'stall' | 'truncate' | 'dropAck';
export type Outcome = 'forwarded' | FaultKind;

export interface FaultProxy {
  /** `http://127.0.0.1:PORT`: give this to the client in place of the upstream. */
  readonly url: string;
  readonly port: number;
  /** The PRNG seed; pass it back as `seed` to replay the same fault sequence. */
  readonly seed: number;
  /** How many requests got each outcome so far (counted when chosen, as soon as a request's head is in). */
  counts(): Record<Outcome, number>;
  /**
   * Every outcome chosen so far, in the order the request heads arrived. For a given seed and plan
   * this sequence is the same whatever the timing or the number of client connections.
   */
  history(): readonly Outcome[];
  /** Replaces the plan for the requests whose heads arrive from now on. */
  setPlan(plan: FaultPlan): void;
  /** Destroys every connection, cancels pending stalls and stops listening. Safe to call twice. */
  close(): Promise<void>;
}

export interface FaultProxyOptions {
  /** `http://127.0.0.1:PORT` */
  readonly upstream: string;
  readonly plan: FaultPlan;
  /** An integer in 0..2^32-1; defaults to one taken from the clock (and printed). */
  readonly seed?: number;
  /** How long a stalled connection stays silent before the proxy closes it; default 10 s. */
  readonly stallMs?: number;
}

const FAULT_ORDER: readonly FaultKind[] = ['serverError', 'resetMidRequest', 'stall', 'truncate', 'dropAck'];
const DEFAULT_STALL_MS = 10_000;
/** A head bigger than this is garbage, not HTTP: refuse it rather than buffer without end. */
const MAX_HEAD_BYTES = 64 * 1024;

function ignore(): void {
  // Socket errors are the point of this rig: they must never reach the test as uncaught errors.
}

function checkedPlan(plan: FaultPlan): FaultPlan {
  for (const kind of FAULT_ORDER) {
    const p = plan[kind];
    if (p !== undefined && !(p >= 0 && p <= 1)) throw new RangeError(`fault-proxy: ${kind} must be a probability in 0..1, got ${String(p)}`);
  }
  return { ...plan };
}

function pickOutcome(plan: FaultPlan, draw: number): Outcome {
  // One draw per request, split so that each fault behaves as its own coin tossed in FAULT_ORDER:
  // the draw count then never depends on the plan, so a replay stays aligned even across setPlan.
  let notYet = 1;
  let threshold = 0;
  for (const kind of FAULT_ORDER) {
    const share = notYet * (plan[kind] ?? 0);
    threshold += share;
    notYet -= share;
    if (draw < threshold) return kind;
  }
  return 'forwarded';
}

/** A byte queue that grows by doubling, so that reading a large message chunk by chunk stays linear. */
class ByteQueue {
  private data = Buffer.allocUnsafe(16 * 1024);
  private start = 0;
  private end = 0;

  append(chunk: Buffer): void {
    const live = this.end - this.start;
    if (this.end + chunk.length > this.data.length) {
      if (live + chunk.length > this.data.length) {
        const bigger = Buffer.allocUnsafe(Math.max(this.data.length * 2, live + chunk.length));
        this.data.copy(bigger, 0, this.start, this.end);
        this.data = bigger;
      } else {
        this.data.copyWithin(0, this.start, this.end);
      }
      this.start = 0;
      this.end = live;
    }
    chunk.copy(this.data, this.end);
    this.end += chunk.length;
  }

  /** The queued bytes, without copying: valid until the next append or take. */
  view(): Buffer {
    return this.data.subarray(this.start, this.end);
  }

  /** Removes and returns (as a copy) the first `count` bytes. */
  take(count: number): Buffer {
    const taken = Buffer.from(this.data.subarray(this.start, this.start + count));
    this.start += count;
    if (this.start === this.end) this.start = this.end = 0;
    return taken;
  }
}

type Framing = { readonly kind: 'length'; readonly length: number } | { readonly kind: 'chunked' } | { readonly kind: 'close' };
type ParseResult = { readonly state: 'incomplete' } | { readonly state: 'complete'; readonly end: number } | { readonly state: 'invalid'; readonly reason: string };

interface Head {
  readonly startLine: string;
  readonly headers: readonly (readonly [name: string, value: string])[];
  /** Offset just past the blank line that ends the head. */
  readonly end: number;
}

const INCOMPLETE: ParseResult = { state: 'incomplete' };
const invalid = (reason: string): ParseResult => ({ state: 'invalid', reason });

function headerValues(head: Head, name: string): string[] {
  return head.headers.filter(([key]) => key === name).map(([, value]) => value);
}

function tokens(values: readonly string[]): string[] {
  return values.flatMap((value) => value.split(',')).map((token) => token.trim().toLowerCase()).filter((token) => token !== '');
}

/**
 * Finds where one HTTP/1.1 message ends in a buffer that starts with it. It keeps its scan
 * positions between calls, so it is called again with the same (grown) buffer as bytes arrive.
 */
class MessageFramer {
  head: Head | null = null;
  private framing: Framing | null = null;
  private messageStart = 0;
  private headScan = 0;
  private chunkCursor = 0;
  private status = 0;

  constructor(
    private readonly side: 'request' | 'response',
    private readonly requestMethod = 'GET',
  ) {}

  /** The request's method (requests only). */
  get method(): string {
    return this.head?.startLine.split(' ')[0] ?? 'GET';
  }

  /** Whether this message lets the connection carry another exchange after it. */
  get keepAlive(): boolean {
    if (this.head === null) return false;
    const connection = tokens(headerValues(this.head, 'connection'));
    if (connection.includes('close')) return false;
    const version = this.side === 'request' ? this.head.startLine.split(' ')[2] : this.head.startLine.split(' ')[0];
    if (version === 'HTTP/1.0') return connection.includes('keep-alive');
    return this.framing?.kind !== 'close';
  }

  parse(bytes: Buffer, ended: boolean): ParseResult {
    for (;;) {
      if (this.head === null) {
        const read = this.parseHead(bytes, ended);
        if (read.state !== 'head') return read;
        // A 1xx interim response comes before the real one: it is part of what gets relayed.
        if (this.side === 'response' && this.status >= 100 && this.status < 200) {
          if (this.status === 101) return invalid('protocol upgrades are not supported');
          this.messageStart = this.headScan = read.head.end;
          continue;
        }
        this.head = read.head;
        this.chunkCursor = read.head.end;
      }
      return this.parseBody(this.head, bytes, ended);
    }
  }

  private parseHead(bytes: Buffer, ended: boolean): ParseResult | { readonly state: 'head'; readonly head: Head } {
    // A client may send stray CRLFs between requests (RFC 9112 §2.2): skip them.
    while (this.side === 'request' && bytes.length >= this.messageStart + 2 && bytes[this.messageStart] === 0x0d && bytes[this.messageStart + 1] === 0x0a) {
      this.messageStart += 2;
      this.headScan = this.messageStart;
    }
    const blank = bytes.indexOf('\r\n\r\n', Math.max(this.messageStart, this.headScan - 3), 'latin1');
    if (blank < 0) {
      this.headScan = bytes.length;
      if (bytes.length - this.messageStart > MAX_HEAD_BYTES) return invalid('head too large');
      return ended ? invalid('connection closed inside a head') : INCOMPLETE;
    }
    const lines = bytes.toString('latin1', this.messageStart, blank).split('\r\n');
    const startLine = lines[0] ?? '';
    const headers: (readonly [string, string])[] = [];
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      if (colon <= 0) return invalid(`malformed header line ${JSON.stringify(line)}`);
      headers.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
    }
    const head: Head = { startLine, headers, end: blank + 4 };
    if (this.side === 'request') {
      if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+ \S+ HTTP\/1\.[01]$/.test(startLine)) return invalid(`malformed request line ${JSON.stringify(startLine)}`);
    } else {
      const match = /^HTTP\/1\.[01] (\d{3})(?: |$)/.exec(startLine);
      if (match?.[1] === undefined) return invalid(`malformed status line ${JSON.stringify(startLine)}`);
      this.status = Number(match[1]);
    }
    const framing = this.framingOf(head);
    if (typeof framing === 'string') return invalid(framing);
    this.framing = framing;
    return { state: 'head', head };
  }

  private framingOf(head: Head): Framing | string {
    if (this.side === 'response') {
      const bodiless = this.requestMethod === 'HEAD' || this.status < 200 || this.status === 204 || this.status === 304;
      if (bodiless) return { kind: 'length', length: 0 };
    }
    const codings = tokens(headerValues(head, 'transfer-encoding'));
    if (codings.length > 0) {
      if (codings.at(-1) === 'chunked') return { kind: 'chunked' };
      // RFC 9112 §6.3: a request whose last coding is not chunked cannot be framed; a response reads to close.
      return this.side === 'request' ? 'transfer-encoding without chunked' : { kind: 'close' };
    }
    const lengths = tokens(headerValues(head, 'content-length'));
    if (lengths.length > 0) {
      const first = lengths[0] ?? '';
      if (!/^\d{1,15}$/.test(first) || lengths.some((value) => value !== first)) return `bad content-length ${JSON.stringify(lengths)}`;
      return { kind: 'length', length: Number(first) };
    }
    return this.side === 'request' ? { kind: 'length', length: 0 } : { kind: 'close' };
  }

  private parseBody(head: Head, bytes: Buffer, ended: boolean): ParseResult {
    const framing = this.framing;
    if (framing === null) return INCOMPLETE;
    switch (framing.kind) {
      case 'length': {
        const end = head.end + framing.length;
        if (bytes.length >= end) return { state: 'complete', end };
        return ended ? invalid('connection closed inside a body') : INCOMPLETE;
      }
      case 'close':
        return ended ? { state: 'complete', end: bytes.length } : INCOMPLETE;
      case 'chunked': {
        const result = this.scanChunks(bytes);
        return result === INCOMPLETE && ended ? invalid('connection closed inside a chunked body') : result;
      }
    }
  }

  private scanChunks(bytes: Buffer): ParseResult {
    for (;;) {
      const lineEnd = bytes.indexOf('\r\n', this.chunkCursor, 'latin1');
      if (lineEnd < 0) return bytes.length - this.chunkCursor > 1024 ? invalid('chunk-size line too long') : INCOMPLETE;
      const sizeText = (bytes.toString('latin1', this.chunkCursor, lineEnd).split(';')[0] ?? '').trim();
      if (!/^[0-9a-fA-F]{1,12}$/.test(sizeText)) return invalid(`bad chunk size ${JSON.stringify(sizeText)}`);
      const size = Number.parseInt(sizeText, 16);
      if (size === 0) {
        // The last chunk: then trailer fields, then a blank line.
        const trailers = lineEnd + 2;
        if (bytes.length < trailers + 2) return INCOMPLETE;
        if (bytes[trailers] === 0x0d && bytes[trailers + 1] === 0x0a) return { state: 'complete', end: trailers + 2 };
        const blank = bytes.indexOf('\r\n\r\n', trailers, 'latin1');
        return blank < 0 ? INCOMPLETE : { state: 'complete', end: blank + 4 };
      }
      const next = lineEnd + 2 + size + 2;
      if (bytes.length < next) return INCOMPLETE;
      if (bytes[next - 2] !== 0x0d || bytes[next - 1] !== 0x0a) return invalid('chunk data not followed by CRLF');
      this.chunkCursor = next;
    }
  }
}

function jsonResponse(status: string, body: string, keepAlive: boolean): Buffer {
  const head = [`HTTP/1.1 ${status}`, 'Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`, `Connection: ${keepAlive ? 'keep-alive' : 'close'}`];
  return Buffer.from(`${head.join('\r\n')}\r\n\r\n${body}`, 'utf8');
}

interface UpstreamAnswer {
  readonly bytes: Buffer;
  readonly keepAlive: boolean;
}

function parseUpstream(upstream: string): { host: string; port: number } {
  const url = new URL(upstream);
  if (url.protocol !== 'http:' || url.port === '') throw new Error(`fault-proxy: upstream must be http://HOST:PORT, got ${upstream}`);
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port) };
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const upstream = parseUpstream(options.upstream);
  const seed = options.seed ?? Date.now() % 0x1_0000_0000;
  if (!Number.isInteger(seed) || seed < 0 || seed >= 0x1_0000_0000) throw new RangeError(`fault-proxy: seed must be an integer in 0..2^32-1, got ${String(seed)}`);
  const stallMs = options.stallMs ?? DEFAULT_STALL_MS;
  let plan = checkedPlan(options.plan);
  const random = seededRandom(seed);
  const counts: Record<Outcome, number> = { forwarded: 0, serverError: 0, resetMidRequest: 0, stall: 0, truncate: 0, dropAck: 0 };
  const history: Outcome[] = [];
  const sockets = new Set<net.Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let closing: Promise<void> | null = null;

  const track = (socket: net.Socket): void => {
    sockets.add(socket);
    socket.on('error', ignore);
    socket.once('close', () => sockets.delete(socket));
  };

  const choose = (): Outcome => {
    const outcome = pickOutcome(plan, random());
    counts[outcome] += 1;
    history.push(outcome);
    return outcome;
  };

  /** Sends one request upstream on its own connection; null when upstream fails to answer in full. */
  const exchange = (request: Buffer, method: string): Promise<UpstreamAnswer | null> =>
    new Promise((resolve) => {
      if (closing !== null) {
        resolve(null);
        return;
      }
      const socket = net.connect({ host: upstream.host, port: upstream.port });
      track(socket);
      const inbox = new ByteQueue();
      const framer = new MessageFramer('response', method);
      let settled = false;
      const finish = (answer: UpstreamAnswer | null): void => {
        if (settled) return;
        settled = true;
        socket.destroy();
        resolve(answer);
      };
      const check = (ended: boolean): void => {
        const result = framer.parse(inbox.view(), ended);
        if (result.state === 'complete') finish({ bytes: inbox.take(result.end), keepAlive: framer.keepAlive });
        else if (result.state === 'invalid' || ended) finish(null);
      };
      socket.on('data', (chunk: Buffer) => {
        inbox.append(chunk);
        check(false);
      });
      socket.on('end', () => check(true));
      socket.on('close', () => finish(null));
      socket.write(request);
    });

  const serve = (client: net.Socket): void => {
    const inbox = new ByteQueue();
    let framer = new MessageFramer('request');
    let outcome: Outcome | null = null;
    // A complete request is being answered: pipelined bytes wait until its answer is out.
    let busy = false;
    // A fault (or the end of the exchange) owns the connection now: whatever else arrives is ignored.
    let done = false;

    const finishWith = (bytes: Buffer): void => {
      done = true;
      client.end(bytes);
    };

    const answer = async (chosen: Outcome, request: Buffer, method: string, keepAlive: boolean): Promise<void> => {
      if (chosen === 'serverError') {
        const response = jsonResponse('500 Internal Server Error', '{"error":"internal"}', keepAlive);
        if (keepAlive) client.write(response);
        else finishWith(response);
        return;
      }
      const reply = await exchange(request, method);
      if (client.destroyed || done) return;
      if (reply === null) {
        finishWith(jsonResponse('502 Bad Gateway', '{"error":"bad gateway"}', false));
        return;
      }
      switch (chosen) {
        case 'truncate':
          done = true;
          client.write(reply.bytes.subarray(0, Math.floor(reply.bytes.length / 2)), () => client.destroy());
          return;
        case 'dropAck':
          done = true;
          client.destroy();
          return;
        default:
          if (keepAlive && reply.keepAlive) client.write(reply.bytes);
          else finishWith(reply.bytes);
      }
    };

    const pump = (): void => {
      while (!busy && !done) {
        const parsed = framer.parse(inbox.view(), false);
        if (parsed.state === 'invalid') {
          finishWith(jsonResponse('400 Bad Request', JSON.stringify({ error: parsed.reason }), false));
          return;
        }
        if (framer.head === null) return;
        if (outcome === null) {
          outcome = choose();
          if (outcome === 'resetMidRequest') {
            done = true;
            client.resetAndDestroy();
            return;
          }
          if (outcome === 'stall') {
            done = true;
            const timer = setTimeout(() => {
              timers.delete(timer);
              client.destroy();
            }, stallMs);
            timers.add(timer);
            client.once('close', () => {
              clearTimeout(timer);
              timers.delete(timer);
            });
            return;
          }
        }
        if (parsed.state === 'incomplete') return;
        const chosen = outcome;
        const { method, keepAlive } = framer;
        const request = inbox.take(parsed.end);
        framer = new MessageFramer('request');
        outcome = null;
        busy = true;
        void answer(chosen, request, method, keepAlive).then(() => {
          busy = false;
          pump();
        });
      }
    };

    client.on('data', (chunk: Buffer) => {
      if (done) return;
      inbox.append(chunk);
      pump();
    });
  };

  const server = net.createServer((client) => {
    track(client);
    if (closing !== null) client.destroy();
    else serve(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', ignore);
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fault-proxy: no TCP address');
  const port = address.port;
  console.log(`fault-proxy seed=${seed}`);

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seed,
    counts: () => ({ ...counts }),
    history: () => [...history],
    setPlan(next) {
      plan = checkedPlan(next);
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
