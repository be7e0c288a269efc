/**
 * Reader-driver figures, through a real serialport on a real pty (socat):
 * - latency from the last byte of a document written to the pty to the scan event, p50 and p99;
 * - sustained documents/s through one pty, beside what a 115,200-baud wire could carry;
 * - time from a replug (the pty back) to the reader being ready again.
 */
import { firstValueFrom, filter, type Subscription } from 'rxjs';
import { frameDocument, type Framing } from '../../../drivers/framing/framings.js';
import { openReader } from '../../../drivers/reader/open-reader.js';
import type { Reader } from '../../../drivers/reader/reader.js';
import { DocumentGenerator } from '../../../drivers/simulator/document-generator.js';
import { startPtyPair, type PtyPair } from '../../rigs/socat.js';
import { atLeast, atMost, percentile, round, type BenchSuite } from '../suite.js';

const LATENCY_WARM_UP = 300;
const LATENCY_SAMPLES = 3000;
const BURST_DOCUMENTS = 5000;
const REPLUGS = 6;
/** 8N1: ten bits on the wire per byte. */
const WIRE_BYTES_PER_SECOND = 115_200 / 10;

function documents(count: number, seed: number): string[][] {
  const generator = new DocumentGenerator({ formats: ['TD3'], invalid: 0, expired: 0, corrected: 0, alerts: 0, seed });
  return Array.from({ length: count }, () => [...generator.next().lines]);
}

async function ready(reader: Reader): Promise<void> {
  await firstValueFrom(reader.status$.pipe(filter((status) => status.state === 'ready')));
}

/** One document at a time: write it whole, take the time after the write returns, wait for its scan. */
async function latencyMs(pair: PtyPair, framing: Framing): Promise<number[]> {
  const reader = openReader({ id: 'bench', spec: pair.serialSpec(`framing=${framing.kind}&reread=0`) });
  await ready(reader);
  let resolveScan: ((at: number) => void) | null = null;
  const subscription: Subscription = reader.scans$.subscribe(() => resolveScan?.(performance.now()));
  const frames = documents(LATENCY_WARM_UP + LATENCY_SAMPLES, 17).map((lines) => frameDocument(lines, framing));
  const samples: number[] = [];
  for (const [index, frame] of frames.entries()) {
    const scanned = new Promise<number>((resolve) => (resolveScan = resolve));
    pair.writeNow(frame);
    const lastByteWritten = performance.now();
    const at = await scanned;
    if (index >= LATENCY_WARM_UP) samples.push(at - lastByteWritten);
  }
  subscription.unsubscribe();
  await reader.close();
  return samples;
}

/** Every document in one back-to-back burst: documents/s from the first byte written to the last scan. */
async function throughput(pair: PtyPair, framing: Framing): Promise<{ documentsPerSecond: number; received: number; frameBytes: number }> {
  const reader = openReader({ id: 'bench', spec: pair.serialSpec(`framing=${framing.kind}&reread=0`) });
  await ready(reader);
  const frames = documents(BURST_DOCUMENTS, 29).map((lines) => frameDocument(lines, framing));
  let received = 0;
  let lastAt = 0;
  const allIn = new Promise<void>((resolve) => {
    reader.scans$.subscribe(() => {
      received += 1;
      lastAt = performance.now();
      if (received === BURST_DOCUMENTS) resolve();
    });
  });
  const started = performance.now();
  await pair.write(Buffer.concat(frames));
  // A lost document must show as received < documents, not hang the bench.
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([allIn, new Promise((resolve) => (timer = setTimeout(resolve, 60_000)))]);
  clearTimeout(timer);
  await reader.close();
  const frameBytes = frames[0]?.length ?? 0;
  return { documentsPerSecond: received / ((lastAt - started) / 1000), received, frameBytes };
}

/** socat back (both links there) to the reader's ready status. */
async function replugToReadyMs(pair: PtyPair): Promise<number[]> {
  const reader = openReader({ id: 'bench', spec: pair.serialSpec() });
  await ready(reader);
  const samples: number[] = [];
  for (let run = 0; run < REPLUGS; run++) {
    await pair.unplug();
    await firstValueFrom(reader.status$.pipe(filter((status) => status.state === 'disconnected')));
    // Unplugged for a while, as a cable is: the reader is polling by then, not mid-backoff.
    await new Promise((resolve) => setTimeout(resolve, 300 + run * 137));
    await pair.replug();
    const back = performance.now();
    await ready(reader);
    samples.push(performance.now() - back);
  }
  await reader.close();
  return samples;
}

function latencyFigures(samples: readonly number[]) {
  return {
    samples: samples.length,
    p50: round(percentile(samples, 50)),
    p90: round(percentile(samples, 90)),
    p99: atMost(round(percentile(samples, 99)), 5, 'ms'),
    max: round(Math.max(...samples)),
  };
}

export const suite: BenchSuite = {
  name: 'drivers',
  async run() {
    const pair = await startPtyPair();
    try {
      const lines: Framing = { kind: 'lines' };
      const lrc: Framing = { kind: 'stx-etx-lrc' };
      const latencyLines = await latencyMs(pair, lines);
      const latencyLrc = await latencyMs(pair, lrc);
      const burst = await throughput(pair, lines);
      const replug = await replugToReadyMs(pair);
      const wireCeiling = WIRE_BYTES_PER_SECOND / burst.frameBytes;
      return {
        latencyMs: {
          lines: latencyFigures(latencyLines),
          'stx-etx-lrc': latencyFigures(latencyLrc),
          note: 'last byte of a TD3 written to the reader pty to the scan event (framing, re-read check, MRZ parse), one document at a time; the wire itself adds ~94 ms per TD3 at 9,600 baud',
        },
        throughput: {
          documents: BURST_DOCUMENTS,
          received: burst.received,
          documentsPerSecond: atLeast(Math.round(burst.documentsPerSecond), Math.floor(wireCeiling), 'TD3/s'),
          wireCeilingAt115200: round(wireCeiling, 1),
          frameBytes: burst.frameBytes,
          note: 'one back-to-back burst of TD3s (plain lines) through one pty; a pty is not clocked, so the wire ceiling at 115,200 baud 8N1 is the figure to beat',
        },
        replugToReadyMs: {
          runs: REPLUGS,
          max: atMost(round(Math.max(...replug), 1), 2000, 'ms'),
          median: round(percentile(replug, 50), 1),
          note: 'socat restarted (links back) to the reader ready again: presence polled every 250 ms',
        },
      };
    } finally {
      await pair.close();
    }
  },
};
