/**
 * Sync figures (issue 6), appliance and central on loopback in one run: central
 * as its own process (`sahman central`, built), the appliance's core in this
 * one. Records are made through the real capture use-case, so each synced item
 * is what a lane really sends (a ~1.2 KB crossing, or its ~300 B audit events),
 * and both sides validate every item with zod.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { EMPTY, filter, firstValueFrom } from 'rxjs';
import { defaultConfig } from '../../../main/common/contract/config.js';
import type { Decision, ManualDocumentFields } from '../../../main/common/contract/crossing.js';
import { startCore, type Core } from '../../../main/core/app/core.js';
import { AuditTrail } from '../../../main/core/audit/audit-trail.js';
import { OfficerStore } from '../../../main/core/auth/officer-store.js';
import { CaptureService } from '../../../main/core/capture/capture-service.js';
import { loadOrCreateApplianceKey } from '../../../main/core/keys/appliance-key.js';
import { openStore } from '../../../main/core/store/open-store.js';
import { seededRandom } from '../../../drivers/simulator/seeded-random.js';
import { freePort } from '../../rigs/free-port.js';
import { builtCli } from '../../rigs/built-cli.js';
import { connectInProcess } from '../../rigs/in-process-rpc.js';
import { addOfficers } from '../../rigs/officers.js';
import { utopianTraveller } from '../../chaos/support/travellers.js';
import { atLeast, atMost, median, percentile, round, type BenchSuite } from '../suite.js';

const STEADY_RATE_PER_S = 20;
const STEADY_RECORDS = 400;
const BACKLOG_ITEMS = Number(process.env.SAHMAN_BENCH_BACKLOG ?? 200_000);
const GUARD = { id: 'uto-bench-guard', pin: '112358', roles: ['guard'] } as const;
const ADMIT: Decision = { outcome: 'admit', reasons: ['documents-in-order'] };


interface CentralProcess {
  readonly url: string;
  register(applianceId: string, publicKeyBase64: string): void;
  stop(): Promise<void>;
}

async function startCentralProcess(): Promise<CentralProcess> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sahman-bench-central-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [builtCli, 'central', '--port', String(port), '--data', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('listening')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`central exited with ${String(code)}`)));
  });
  return {
    url: `http://127.0.0.1:${String(port)}/`,
    register(applianceId, publicKeyBase64) {
      const result = spawnSync(process.execPath, [builtCli, 'central', 'register-key', '--appliance', applianceId, '--key', publicKeyBase64, '--data', dataDir], { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`register-key failed: ${result.stderr}`);
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('close', resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function laneData(applianceId: string, centralUrl: string): string {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sahman-bench-sync-'));
  writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ ...defaultConfig(applianceId), readers: [], central: { url: centralUrl } }));
  return dataDir;
}

async function signedInGuard(core: Core) {
  await addOfficers(core.dataDir, [GUARD]);
  const client = connectInProcess(core, 'bench');
  await client.call('auth.login', { officerId: GUARD.id, pin: GUARD.pin });
  return client;
}

/** At 20 records/s: from the commit (capture.record answered) to central's acknowledgement of that seq. */
async function steadyState(central: CentralProcess): Promise<number[]> {
  const dataDir = laneData('uto-bench-steady', central.url);
  central.register('uto-bench-steady', loadOrCreateApplianceKey(dataDir).publicKeyBase64);
  const core = await startCore({ dataDir, host: 'embedded' });
  const client = await signedInGuard(core);
  const status$ = client.stream('sync.status', {});
  const random = seededRandom(7);
  const samples: number[] = [];
  const intervalMs = 1000 / STEADY_RATE_PER_S;
  const started = performance.now();
  for (let i = 0; i < STEADY_RECORDS; i++) {
    const assessment = await client.call('capture.manualEntry', { format: 'TD3', fields: utopianTraveller(random) });
    const { seq } = await client.call('capture.record', { assessmentId: assessment.id, direction: 'entry', decision: ADMIT });
    const committed = performance.now();
    await firstValueFrom(status$.pipe(filter((status) => status.deliveredThroughSeq >= seq)));
    if (i >= 20) samples.push(performance.now() - committed);
    const next = started + (i + 1) * intervalMs;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
  }
  client.close();
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
  return samples;
}

/** A lane that recorded through a long outage: BACKLOG_ITEMS items made by the capture use-case. */
async function laneWithBacklog(centralUrl: string): Promise<string> {
  const dataDir = laneData('uto-bench-drain', centralUrl);
  const log = pino({ level: 'silent' });
  const store = await openStore({ dataDir, log, integrityBudgetMs: 60_000 });
  // Only the fill runs without fsync, to keep the bench short; the drain and the records during it are measured with it.
  store.db.pragma('synchronous = OFF');
  new OfficerStore(store.db).create({ id: 'uto-fill', displayName: 'Fill', roles: ['guard'], pinHash: 'x', mustChangePin: false }, new Date());
  const config = { ...defaultConfig('uto-bench-drain'), readers: [], central: { url: centralUrl, deliveryDeadlineMinutes: 15 } };
  const capture = new CaptureService({ db: store.db, audit: new AuditTrail(store.db, config.applianceId), config, visaRules: new Map([['UTO', 'visa-free']]), scans$: EMPTY, log });
  const random = seededRandom(9);
  // Each crossing makes three items: its scan event, the crossing and its decision event.
  for (let i = 0; i < Math.ceil(BACKLOG_ITEMS / 3); i++) {
    const fields: ManualDocumentFields = utopianTraveller(random);
    const assessment = capture.manualEntry(fields, 'TD3', 'uto-fill');
    capture.record({ assessmentId: assessment.id, direction: 'exit', decision: ADMIT, notes: '' }, 'uto-fill');
  }
  capture.close();
  await store.close();
  return dataDir;
}

export const suite: BenchSuite = {
  name: 'sync',
  async run() {
    const central = await startCentralProcess();
    try {
      const steady = await steadyState(central);

      const dataDir = await laneWithBacklog(central.url);
      central.register('uto-bench-drain', loadOrCreateApplianceKey(dataDir).publicKeyBase64);
      const core = await startCore({ dataDir, host: 'embedded' });
      const client = await signedInGuard(core);
      const backlog = core.syncStatus().backlog;
      const drainStarted = performance.now();
      // A guard keeps recording while the backlog drains: their latency is measured in this (the appliance's) process.
      const recordLatencies: number[] = [];
      const random = seededRandom(13);
      while (core.syncStatus().backlog > 0 || core.syncStatus().state !== 'idle') {
        const assessment = await client.call('capture.manualEntry', { format: 'TD3', fields: utopianTraveller(random) });
        const before = performance.now();
        await client.call('capture.record', { assessmentId: assessment.id, direction: 'entry', decision: ADMIT });
        recordLatencies.push(performance.now() - before);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const drainSeconds = (performance.now() - drainStarted) / 1000;
      client.close();
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });

      return {
        steadyStateCommitToAckMs: {
          ratePerSecond: STEADY_RATE_PER_S,
          samples: steady.length,
          p50: round(median(steady)),
          p99: atMost(round(percentile(steady, 99)), 50, 'ms'),
          note: 'capture.record committed → central acknowledged that seq (sync.status), central a separate process on loopback',
        },
        backlogDrain: {
          items: backlog,
          seconds: round(drainSeconds, 2),
          itemsPerSecond: atLeast(Math.round(backlog / drainSeconds), 20_000, 'items/s'),
          note: 'items made by the capture use-case (crossings ~1.2 KB, audit events ~0.3 KB), zod-validated on both sides',
        },
        recordLatencyWhileDrainingMs: {
          samples: recordLatencies.length,
          p50: round(median(recordLatencies)),
          p99: atMost(round(percentile(recordLatencies, 99)), 5, 'ms'),
          note: 'capture.record in the appliance process while the relay drains the backlog',
        },
      };
    } finally {
      await central.stop();
    }
  },
};
