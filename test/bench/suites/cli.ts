/**
 * The `sahman` command's own start-up: a technician or a script pays it on every call, so
 * `--version` and `mrz` on one document must each stay within 150 ms (median of 20 runs). Bare
 * `node` is timed in the same rounds, so that a loaded machine shows up in both figures alike.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { builtCli, repoRoot } from '../../rigs/built-cli.js';
import { atMost, median, round, type BenchSuite } from '../suite.js';

const RUNS = 20;
const NPX_RUNS = 3;
const LIMIT_MS = 150;

/** ICAO Doc 9303's TD3 specimen (Utopia). */
const SPECIMEN = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10\n';

interface Invocation {
  readonly command: string;
  readonly args: readonly string[];
  readonly input?: string;
}

function timeOnce(invocation: Invocation): number {
  const started = performance.now();
  const result = spawnSync(invocation.command, invocation.args, { cwd: repoRoot, input: invocation.input ?? '', encoding: 'utf8' });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`${invocation.command} ${invocation.args.join(' ')} exited with ${String(result.status)}: ${result.stderr}`);
  return elapsed;
}

function summary(sample: readonly number[]): { median: number; min: number; max: number } {
  return { median: round(median(sample), 1), min: round(Math.min(...sample), 1), max: round(Math.max(...sample), 1) };
}

export const suite: BenchSuite = {
  name: 'cli',
  run() {
    const invocations = {
      bareNode: { command: process.execPath, args: ['-e', '0'] },
      version: { command: process.execPath, args: [builtCli, '--version'] },
      mrz: { command: process.execPath, args: [builtCli, 'mrz'], input: SPECIMEN },
      help: { command: process.execPath, args: [builtCli, '--help'] },
    } satisfies Record<string, Invocation>;
    const samples: Record<keyof typeof invocations, number[]> = { bareNode: [], version: [], mrz: [], help: [] };
    // One warm-up each, so the first figure does not carry the disk cache's cold read.
    for (const invocation of Object.values(invocations)) timeOnce(invocation);
    for (let run = 0; run < RUNS; run += 1) {
      for (const [name, invocation] of Object.entries(invocations) as [keyof typeof invocations, Invocation][]) samples[name].push(timeOnce(invocation));
    }
    const npx: number[] = [];
    let npxFailure: string | null = null;
    try {
      for (let run = 0; run < NPX_RUNS; run += 1) npx.push(timeOnce({ command: 'npx', args: ['--no-install', 'sahman', '--version'] }));
    } catch (error) {
      // npx is reported beside the figures, not a target: a broken npx cache must not hide them.
      npxFailure = error instanceof Error ? error.message.split('\n')[0] ?? 'failed' : 'failed';
    }
    const versionMedian = round(median(samples.version), 1);
    const mrzMedian = round(median(samples.mrz), 1);
    return Promise.resolve({
      runs: RUNS,
      versionMs: { ...summary(samples.version), median: atMost(versionMedian, LIMIT_MS, 'ms') },
      mrzOneDocumentMs: { ...summary(samples.mrz), median: atMost(mrzMedian, LIMIT_MS, 'ms') },
      helpMs: summary(samples.help),
      bareNodeMs: summary(samples.bareNode),
      overBareNodeMs: { version: round(versionMedian - median(samples.bareNode), 1), mrz: round(mrzMedian - median(samples.bareNode), 1) },
      npxVersionMs: npxFailure === null ? { ...summary(npx), runs: NPX_RUNS, note: 'npx resolves the package before it runs it; the README gives the direct ways' } : { failed: npxFailure },
      note: 'process spawn to exit, node dist/main/cli/sahman.js; each command loads only its own modules',
    });
  },
};
