import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../main/common/contract/config.js';
import type { Decision } from '../../main/common/contract/crossing.js';
import { startCore } from '../../main/core/app/core.js';
import { loadOrCreateApplianceKey } from '../../main/core/keys/appliance-key.js';
import { outboxSeqs } from '../rigs/syncing-lane.js';
import { freePort } from '../rigs/free-port.js';
import { builtCli, repoRoot } from '../rigs/built-cli.js';
import { startTestCentral } from '../rigs/central.js';
import { startFaultProxy } from '../rigs/fault-proxy.js';
import { connectInProcess } from '../rigs/in-process-rpc.js';
import { addOfficers } from '../rigs/officers.js';
import { tempDir } from '../rigs/temp-dir.js';
import { buildRecordingChild } from './support/recording-child-bundle.js';
import { chaosSeed, seededRandom, utopianTraveller } from './support/travellers.js';

const GUARD = { id: 'uto-sync-guard', pin: '141421', roles: ['guard'] } as const;
const ADMIT: Decision = { outcome: 'admit', reasons: ['documents-in-order'] };
/** Retries within a fraction of a second and a short request timeout, so that every fault costs little time. */
const FAST_SYNC = { pollMs: 100, backoff: { initialMs: 10, maxMs: 200 }, blockedRetryMs: 200, requestTimeoutMs: 600, maxBatchItems: 25 };

let childBundle = '';
let removeChildBundle = (): void => undefined;


/** A data folder whose appliance sends to centralUrl, with its key and a guard; started once and stopped. */
async function preparedLane(centralUrl: string, applianceId: string): Promise<{ dataDir: string; publicKeyBase64: string }> {
  const dataDir = tempDir('sahman-sync-chaos-');
  writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ ...defaultConfig(applianceId), readers: [], central: { url: centralUrl } }));
  await (await startCore({ dataDir, host: 'embedded', sync: FAST_SYNC })).close();
  await addOfficers(dataDir, [GUARD]);
  return { dataDir, publicKeyBase64: loadOrCreateApplianceKey(dataDir).publicKeyBase64 };
}

async function until(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What the issue asks of every run: central holds each item the appliance recorded, once, in seq order. */
function expectHeldExactlyOnce(held: readonly { seq: number; kind: string }[], dataDir: string): void {
  const local = outboxSeqs(dataDir);
  expect(held.map(({ seq, kind }) => ({ seq, kind }))).toEqual(local);
  expect(local.map((row) => row.seq)).toEqual(local.map((_, index) => index + 1));
}

describe('sync under faults', () => {
  beforeAll(async () => {
    ({ file: childBundle, remove: removeChildBundle } = await buildRecordingChild('sync-recording-child'));
  }, 60_000);

  afterAll(() => {
    removeChildBundle();
  });

  it('delivers everything exactly once through 500s, resets, stalls, truncated answers and lost acks', async () => {
    const central = await startTestCentral();
    const seed = chaosSeed();
    const proxy = await startFaultProxy({
      upstream: central.url,
      seed,
      stallMs: 3_000,
      plan: { serverError: 0.3, resetMidRequest: 0.1, stall: 0.1, truncate: 0.1, dropAck: 0.1 },
    });
    const { dataDir, publicKeyBase64 } = await preparedLane(proxy.url, 'uto-faulty-wire');
    central.registerKey('uto-faulty-wire', publicKeyBase64);
    // Small batches: many requests, so that every kind of fault comes up in every run.
    const core = await startCore({ dataDir, host: 'embedded', sync: { ...FAST_SYNC, maxBatchItems: 5 } });
    const client = connectInProcess(core, 'sync-faults');
    await client.call('auth.login', { officerId: GUARD.id, pin: GUARD.pin });
    const random = seededRandom(seed);
    for (let i = 0; i < 150; i++) {
      const assessment = await client.call('capture.manualEntry', { format: 'TD3', fields: utopianTraveller(random) });
      await client.call('capture.record', { assessmentId: assessment.id, direction: 'entry', decision: ADMIT });
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    client.close();
    await until('the backlog is zero', () => core.syncStatus().backlog === 0 && core.syncStatus().state === 'idle', 45_000);
    const counts = proxy.counts();
    console.log(`sync-faults seed ${String(seed)}: ${JSON.stringify(counts)}`);
    await core.close();
    await proxy.close();
    expectHeldExactlyOnce(central.items('uto-faulty-wire'), dataDir);
    // Every kind of fault happened at least once in this run.
    for (const fault of ['serverError', 'resetMidRequest', 'stall', 'truncate', 'dropAck'] as const) expect(counts[fault], fault).toBeGreaterThan(0);
  }, 60_000);

  it('loses and doubles nothing when the appliance is SIGKILLed mid-batch again and again', async () => {
    const central = await startTestCentral();
    const { dataDir, publicKeyBase64 } = await preparedLane(central.url, 'uto-killed-lane');
    central.registerKey('uto-killed-lane', publicKeyBase64);
    const seed = chaosSeed();
    console.log(`sync-kill seed ${String(seed)}`);
    const random = seededRandom(seed);
    for (let kill = 0; kill < 8; kill++) {
      const child = spawn(process.execPath, [childBundle, dataDir, String(Math.floor(random() * 2 ** 32)), GUARD.id, GUARD.pin, '--fast-sync'], {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      await killWhileRecording(child, 150 + Math.floor(random() * 500));
    }
    // A last start with nobody killing it drains what is left.
    const core = await startCore({ dataDir, host: 'embedded', sync: FAST_SYNC });
    await until('the backlog is zero', () => core.syncStatus().backlog === 0 && core.syncStatus().state === 'idle', 30_000);
    await core.close();
    expectHeldExactlyOnce(central.items('uto-killed-lane'), dataDir);
    expect(central.items('uto-killed-lane').filter((item) => item.kind === 'crossing').length).toBeGreaterThan(8);
  }, 60_000);

  it('loses and doubles nothing when central is SIGKILLed and restarted', async () => {
    const port = await freePort();
    const centralData = tempDir('sahman-central-chaos-');
    const runCentral = (): ChildProcess => spawn(process.execPath, [builtCli, 'central', '--port', String(port), '--data', centralData], { stdio: 'ignore' });
    let central = runCentral();
    const { dataDir, publicKeyBase64 } = await preparedLane(`http://127.0.0.1:${String(port)}/`, 'uto-lonely-lane');
    const registered = spawnSync(process.execPath, [builtCli, 'central', 'register-key', '--appliance', 'uto-lonely-lane', '--key', publicKeyBase64, '--data', centralData], { encoding: 'utf8' });
    expect(registered.status, registered.stderr).toBe(0);
    const core = await startCore({ dataDir, host: 'embedded', sync: FAST_SYNC });
    const client = connectInProcess(core, 'central-kills');
    await client.call('auth.login', { officerId: GUARD.id, pin: GUARD.pin });
    const random = seededRandom(chaosSeed());
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 25; i++) {
        const assessment = await client.call('capture.manualEntry', { format: 'TD3', fields: utopianTraveller(random) });
        await client.call('capture.record', { assessmentId: assessment.id, direction: 'exit', decision: ADMIT });
      }
      central.kill('SIGKILL');
      await new Promise((resolve) => central.once('close', resolve));
      central = runCentral();
    }
    client.close();
    await until('the backlog is zero', () => core.syncStatus().backlog === 0 && core.syncStatus().state === 'idle', 30_000);
    await core.close();
    central.kill('SIGTERM');
    await new Promise((resolve) => central.once('close', resolve));
    const exported = spawnSync(process.execPath, [builtCli, 'central', 'export', '--data', centralData, '--appliance', 'uto-lonely-lane'], { encoding: 'utf8' });
    expect(exported.status, exported.stderr).toBe(0);
    const held = exported.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { seq: number; kind: string });
    expectHeldExactlyOnce(held, dataDir);
  }, 60_000);
});

async function killWhileRecording(child: ChildProcess, afterMs: number): Promise<void> {
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  await until('the child records', () => output.startsWith('ready\n') || child.exitCode !== null, 30_000);
  expect(child.exitCode, stderr).toBeNull();
  await new Promise((resolve) => setTimeout(resolve, afterMs));
  child.kill('SIGKILL');
  await closed;
}
