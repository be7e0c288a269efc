import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../main/common/contract/config.js';
import { startCore } from '../../main/core/app/core.js';
import { repoRoot } from '../rigs/built-cli.js';
import { addOfficers } from '../rigs/officers.js';
import { inspectStore } from '../rigs/store-checks.js';
import { tempDir } from '../rigs/temp-dir.js';
import { buildRecordingChild } from './support/recording-child-bundle.js';
import { chaosSeed, seededRandom } from './support/travellers.js';

/** At least 50 kills while recording: enough kills, at random points, that a window in the record path where a recorded crossing could be lost would be hit. */
const KILLS = 50;
/** Each of those lands this long after the child started recording. */
const KILL_AFTER_MS = { min: 20, max: 300 };
/** Every tenth start is also killed before it gets going: mid-open, mid-integrity check or mid-login. */
const START_UP_KILL_EVERY = 10;
const START_UP_KILL_MS = { min: 30, max: 600 };
const GUARD = { id: 'uto-crash-guard', pin: '314159', roles: ['guard'] } as const;

let childBundle = '';
let removeChildBundle = (): void => undefined;

interface ChildRun {
  /** Every `recorded` line the child completed before it died: id → seq. */
  readonly recorded: Map<string, number>;
  readonly reachedReady: boolean;
  readonly exit: { code: number | null; signal: NodeJS.Signals | null };
  readonly stderr: string;
}

/**
 * Starts the child and SIGKILLs it `killAfterMs` after it says ready (while
 * recording) or, `from: 'spawn'`, that long after it was started.
 */
async function runAndKill(dataDir: string, seed: number, killAfterMs: number, from: 'ready' | 'spawn'): Promise<ChildRun> {
  const child = spawn(process.execPath, [childBundle, dataDir, String(seed), GUARD.id, GUARD.pin], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let reachedReady = false;
  let killTimer: NodeJS.Timeout | undefined;
  // The start-up kill; for a recording kill, the guard against a start-up that hangs the test.
  const startTimer = setTimeout(() => child.kill('SIGKILL'), from === 'spawn' ? killAfterMs : 30_000);
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (!reachedReady && stdout.startsWith('ready\n')) {
      reachedReady = true;
      if (from === 'ready') {
        clearTimeout(startTimer);
        killTimer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // 'close', not 'exit': every byte the child wrote before it died is read by then.
  const exit = await new Promise<ChildRun['exit']>((resolve) => {
    child.once('close', (code, signal) => {
      resolve({ code, signal });
    });
  });
  clearTimeout(startTimer);
  clearTimeout(killTimer);
  const recorded = new Map<string, number>();
  // Only whole lines: the last one may have been cut by the kill (it never is, one write(2) each, but the test does not rely on it).
  for (const line of stdout.split('\n').slice(0, -1)) {
    const match = /^recorded (\S+) (\d+)$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) recorded.set(match[1], Number(match[2]));
  }
  return { recorded, reachedReady, exit, stderr };
}

describe('a crossing reported as recorded survives SIGKILL', () => {
  beforeAll(async () => {
    ({ file: childBundle, remove: removeChildBundle } = await buildRecordingChild('recording-child'));
  }, 60_000);

  afterAll(() => {
    removeChildBundle();
  });

  it(`keeps every printed id, a gapless seq, a sound file and an intact audit chain across ${String(KILLS)} kills while recording`, async () => {
    const seed = chaosSeed();
    // Printed so that a failure can be replayed with SAHMAN_CHAOS_SEED.
    console.log(`crash-recording seed ${String(seed)} (replay with SAHMAN_CHAOS_SEED=${String(seed)})`);
    const random = seededRandom(seed);
    const dataDir = tempDir('sahman-crash-');
    writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ ...defaultConfig('uto-crash-lane'), readers: [] }));
    // The first start makes the database and the first technician; the guard is added beside them.
    await (await startCore({ dataDir, host: 'embedded' })).close();
    await addOfficers(dataDir, [GUARD]);

    const printed = new Map<string, number>();
    const started = performance.now();
    let recordingKills = 0;
    let startUpKills = 0;
    for (let kill = 1; recordingKills < KILLS; kill++) {
      const from = kill % START_UP_KILL_EVERY === 0 ? 'spawn' : 'ready';
      const window = from === 'spawn' ? START_UP_KILL_MS : KILL_AFTER_MS;
      const killAfterMs = window.min + Math.floor(random() * (window.max - window.min));
      const run = await runAndKill(dataDir, Math.floor(random() * 2 ** 32), killAfterMs, from);
      const where = `seed ${String(seed)}, kill ${String(kill)} ${String(killAfterMs)} ms after ${from}`;
      if (from === 'ready') {
        expect(run.reachedReady, `${where}: the child never started recording:\n${run.stderr}`).toBe(true);
        recordingKills += 1;
      } else {
        startUpKills += 1;
      }
      expect(run.exit, `${where}: the child ended by itself, not by the kill:\n${run.stderr}`).toEqual({ code: null, signal: 'SIGKILL' });
      for (const [id, seq] of run.recorded) printed.set(id, seq);

      const store = inspectStore(dataDir);
      const lost = [...printed].filter(([id, seq]) => store.crossings.get(id) !== seq);
      expect(lost, `${where}: crossings reported as recorded are gone (or moved)`).toEqual([]);
      expect(store.outbox.minSeq, `${where}: the outbox does not start at seq 1`).toBe(1);
      expect(store.outbox.maxSeq, `${where}: the outbox seq has gaps`).toBe(store.outbox.count);
      expect(store.crossingsWithoutOutbox, `${where}: crossings without their outbox row`).toBe(0);
      expect(store.outboxWithoutCrossing, `${where}: outbox rows without their crossing`).toBe(0);
      expect(store.decisionEvents, `${where}: crossings and their audit events differ in number`).toBe(store.crossings.size);
      expect(store.integrity, `${where}: integrity_check`).toEqual(['ok']);
      expect(store.audit, `${where}: audit chain`).toMatchObject({ intact: true });
    }
    // The runs must have recorded in earnest, or the kills proved nothing.
    expect(printed.size, `seed ${String(seed)}: too few crossings were recorded to mean anything`).toBeGreaterThan(KILLS);
    console.log(
      `crash-recording: ${String(KILLS)} kills while recording and ${String(startUpKills)} during start-up, ${String(printed.size)} crossings printed and all kept, ` +
        `${String(inspectStore(dataDir).crossings.size)} in the store, ${String(Math.round((performance.now() - started) / 1000))} s`,
    );
  }, 180_000);
});
