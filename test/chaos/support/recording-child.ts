/**
 * The crash test's victim: starts the real core on a data folder, signs a guard
 * in over the RPC contract, and records crossings in a loop until it is killed.
 * It prints `ready` once recording starts, then `recorded <id> <seq>` for each
 * crossing the moment `capture.record` has answered, and never before: the
 * parent holds every printed id to the promise that it survives a SIGKILL.
 *
 * Run with: node --import tsx recording-child.ts DATA_DIR SEED OFFICER_ID PIN [--fast-sync]
 * (--fast-sync: the relay retries within a fraction of a second, for the sync fault tests).
 */
import { writeSync } from 'node:fs';
import type { Decision } from '../../../main/common/contract/crossing.js';
import type { Direction } from '../../../main/common/contract/config.js';
import { startCore } from '../../../main/core/app/core.js';
import { connectInProcess } from '../../rigs/in-process-rpc.js';
import { seededRandom, utopianTraveller } from './travellers.js';

const DECISIONS: readonly Decision[] = [
  { outcome: 'admit', reasons: ['documents-in-order'] },
  { outcome: 'refuse', reasons: ['no-visa'] },
  { outcome: 'refer', reasons: ['further-checks'] },
];
const DIRECTIONS: readonly Direction[] = ['entry', 'exit'];

/** Straight to the pipe with one write(2): a line is either wholly in the parent's hands or not at all. */
function say(line: string): void {
  writeSync(1, `${line}\n`);
}

async function main(): Promise<void> {
  const [dataDir, seedText, officerId, pin] = process.argv.slice(2);
  if (dataDir === undefined || seedText === undefined || officerId === undefined || pin === undefined) {
    throw new Error('usage: recording-child.ts DATA_DIR SEED OFFICER_ID PIN');
  }
  const random = seededRandom(Number(seedText));
  const fastSync = process.argv.includes('--fast-sync');
  const core = await startCore({
    dataDir,
    host: 'embedded',
    ...(fastSync ? { sync: { pollMs: 100, backoff: { initialMs: 20, maxMs: 300 }, blockedRetryMs: 200, requestTimeoutMs: 1_000 } } : {}),
  });
  const client = connectInProcess(core, 'crash-child');
  await client.call('auth.login', { officerId, pin });
  say('ready');
  for (;;) {
    const assessment = await client.call('capture.manualEntry', { format: 'TD3', fields: utopianTraveller(random) });
    const recorded = await client.call('capture.record', {
      assessmentId: assessment.id,
      direction: DIRECTIONS[Math.floor(random() * DIRECTIONS.length)] ?? 'entry',
      decision: DECISIONS[Math.floor(random() * DECISIONS.length)] ?? { outcome: 'admit', reasons: ['documents-in-order'] },
    });
    say(`recorded ${recorded.id} ${String(recorded.seq)}`);
    // A turn of the event loop per crossing, as a lane has: the log and timers get to run between records.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`recording child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
