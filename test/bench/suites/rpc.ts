import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { lastValueFrom, tap } from 'rxjs';
import { builtCli } from '../../rigs/built-cli.js';
import { connectClient } from '../../rigs/ws-rpc.js';
import { atLeast, atMost, median, percentile, round, type BenchSuite } from '../suite.js';

const COLD_START_RUNS = 11;
const ROUND_TRIPS = 20_000;
const WARM_UP_CALLS = 2_000;
const STREAM_EVENTS = 200_000;

interface Served {
  readonly port: number;
  readonly token: string;
  stop(): Promise<void>;
}

/** Starts the built `sahman serve` and resolves once it has printed its address. */
function serve(dataDir: string): Promise<Served> {
  const child = spawn(process.execPath, [builtCli, 'serve', '--data', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`sahman serve exited with ${String(code)}`)));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = /Open: http:\/\/127\.0\.0\.1:(\d+)\/#token=([\w-]+)/.exec(output);
      if (match?.[1] === undefined || match[2] === undefined) return;
      resolve({
        port: Number(match[1]),
        token: match[2],
        stop: () =>
          new Promise<void>((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** Process spawn to the first RPC answer over the WebSocket. */
async function startToFirstAnswerMs(dataDir: string): Promise<number> {
  const started = performance.now();
  const served = await serve(dataDir);
  const { client } = await connectClient(served.port, served.token);
  await client.call('system.ping', {});
  const elapsed = performance.now() - started;
  client.close();
  await served.stop();
  return elapsed;
}

/**
 * First starts (a fresh data folder: config, key, database and first technician
 * are made) and restarts (the same folder again: integrity check and migrations
 * run on the existing database), alternated so that machine noise hits both alike.
 */
async function coldStartMs(): Promise<{ firstStart: number[]; restart: number[] }> {
  const firstStart: number[] = [];
  const restart: number[] = [];
  for (let run = 0; run < COLD_START_RUNS; run++) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sahman-bench-cold-'));
    firstStart.push(await startToFirstAnswerMs(dataDir));
    restart.push(await startToFirstAnswerMs(dataDir));
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { firstStart, restart };
}

export const suite: BenchSuite = {
  name: 'rpc',
  async run() {
    const coldStarts = await coldStartMs();

    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sahman-bench-rpc-'));
    const served = await serve(dataDir);
    const { client } = await connectClient(served.port, served.token);

    for (let i = 0; i < WARM_UP_CALLS; i++) await client.call('system.ping', {});
    const roundTrips: number[] = [];
    for (let i = 0; i < ROUND_TRIPS; i++) {
      const started = performance.now();
      await client.call('system.ping', {});
      roundTrips.push(performance.now() - started);
    }

    let received = 0;
    let outOfOrder = 0;
    const streamStarted = performance.now();
    await lastValueFrom(
      client.stream('diagnostics.linkTest', { count: STREAM_EVENTS, payloadBytes: 32 }).pipe(
        tap((event) => {
          if (event.seq !== received) outOfOrder += 1;
          received += 1;
        }),
      ),
    );
    const streamSeconds = (performance.now() - streamStarted) / 1000;

    client.close();
    await served.stop();
    rmSync(dataDir, { recursive: true, force: true });

    const rttP99 = percentile(roundTrips, 99);
    const eventsPerSecond = received / streamSeconds;
    return {
      coldStartToServingMs: {
        runs: COLD_START_RUNS,
        restart: {
          median: atMost(round(median(coldStarts.restart), 1), 1000, 'ms'),
          min: round(Math.min(...coldStarts.restart), 1),
          max: round(Math.max(...coldStarts.restart), 1),
        },
        firstStart: {
          median: atMost(round(median(coldStarts.firstStart), 1), 1000, 'ms'),
          min: round(Math.min(...coldStarts.firstStart), 1),
          max: round(Math.max(...coldStarts.firstStart), 1),
        },
        note: 'process spawn to the first answered RPC over the WebSocket; restart = existing data folder, firstStart = new one',
      },
      rpcRoundTripMs: {
        calls: ROUND_TRIPS,
        p50: round(percentile(roundTrips, 50)),
        p90: round(percentile(roundTrips, 90)),
        p99: atMost(round(rttP99), 2, 'ms'),
        note: 'system.ping, one at a time, client and core in separate processes on loopback',
      },
      eventStream: {
        sent: STREAM_EVENTS,
        received,
        outOfOrder,
        lost: STREAM_EVENTS - received,
        eventsPerSecond: atLeast(Math.round(eventsPerSecond), 10_000, 'events/s'),
        noLoss: { value: STREAM_EVENTS - received + outOfOrder, target: '0 lost or out of order', met: received === STREAM_EVENTS && outOfOrder === 0 },
      },
    };
  },
};
