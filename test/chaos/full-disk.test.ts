import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../main/common/contract/config.js';
import type { Decision } from '../../main/common/contract/crossing.js';
import type { RpcClient } from '../../main/common/rpc/client.js';
import { startCore, type Core } from '../../main/core/app/core.js';
import { closeLogger, flushLogger, logDirectory, openLogger } from '../../main/core/logging/logger.js';
import { connectInProcess } from '../rigs/in-process-rpc.js';
import { addOfficers } from '../rigs/officers.js';
import { inspectStore } from '../rigs/store-checks.js';
import { mountTmpfs, type Tmpfs } from '../rigs/tmpfs.js';
import { seededRandom, utopianTraveller } from './support/travellers.js';

const GUARD = { id: 'uto-disk-guard', pin: '161803', roles: ['guard'] } as const;
const ADMIT: Decision = { outcome: 'admit', reasons: ['documents-in-order'] };

/** Writes one file until the file system refuses: afterwards not one more block is free. */
function fillDisk(file: string): void {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024, 0x5a);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOSPC')) throw error;
  } finally {
    closeSync(fd);
  }
}

function allLogs(dataDir: string): string {
  const dir = logDirectory(dataDir);
  return readdirSync(dir)
    .filter((name) => /^sahman\.\d+\.log$/.test(name))
    .map((name) => readFileSync(path.join(dir, name), 'utf8'))
    .join('');
}

async function recordOne(client: RpcClient, random: () => number): Promise<{ id: string; seq: number }> {
  const assessment = await client.call('capture.manualEntry', { format: 'TD3', fields: utopianTraveller(random) });
  return client.call('capture.record', { assessmentId: assessment.id, direction: 'entry', decision: ADMIT });
}

describe('a full disk', () => {
  let disk: Tmpfs | undefined;
  let core: Core | undefined;

  // Whatever happened in the test, the core lets go of its files and the tmpfs goes away.
  afterEach(async () => {
    vi.restoreAllMocks();
    try {
      await core?.close();
    } finally {
      core = undefined;
      disk?.unmount();
      disk = undefined;
    }
  });

  it('refuses to record with a clear error, keeps running and keeps every record, and records again once space is freed', async () => {
    disk = mountTmpfs('4m');
    const dataDir = path.join(disk.dir, 'data');
    const filler = path.join(disk.dir, 'filler');
    mkdirSync(dataDir, { mode: 0o700 });
    writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ ...defaultConfig('uto-full-disk-lane'), readers: [] }));
    const random = seededRandom(20_240_501);

    core = await startCore({ dataDir, host: 'embedded' });
    await addOfficers(dataDir, [GUARD]);
    const client = connectInProcess(core, 'full-disk');
    await client.call('auth.login', { officerId: GUARD.id, pin: GUARD.pin });
    const before: { id: string; seq: number }[] = [];
    for (let i = 0; i < 5; i++) before.push(await recordOne(client, random));

    const stderr = vi.spyOn(process.stderr, 'write');
    fillDisk(filler);
    expect(statfsSync(disk.dir).bavail, 'the tmpfs still has free blocks').toBe(0);

    // Pages the WAL already holds can take a few more records; each one that says "recorded" must be kept.
    // Then the file must grow, and the guard is told at once, in words, that the crossing was NOT recorded, and why.
    let recordOnFullDisk: { assessmentId: string; direction: 'entry'; decision: Decision } | undefined;
    for (let attempt = 0; attempt < 5_000 && recordOnFullDisk === undefined; attempt++) {
      const assessment = await client.call('capture.manualEntry', { format: 'TD3', fields: utopianTraveller(random) });
      const decision = { assessmentId: assessment.id, direction: 'entry' as const, decision: ADMIT };
      const outcome: { id: string; seq: number } | Error = await client.call('capture.record', decision).catch((error: unknown) =>
        error instanceof Error ? error : new Error(String(error)),
      );
      if (outcome instanceof Error) recordOnFullDisk = decision;
      else before.push(outcome);
    }
    if (recordOnFullDisk === undefined) throw new Error('the full disk never refused a record');
    await expect(client.call('capture.record', recordOnFullDisk)).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/^NOT RECORDED: the disk is full\./),
    });
    // And again: a failed write leaves no state behind that turns the next failure into something else.
    await expect(client.call('capture.record', recordOnFullDisk)).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/^NOT RECORDED: the disk is full\./),
    });

    // The log cannot be written either: it says so once on stderr and the core carries on.
    for (let i = 0; i < 200; i++) core.log.info({ line: i }, 'activity while the disk is full, enough to need new blocks');
    await flushLogger(core.log);
    await expect
      .poll(() => stderr.mock.calls.filter(([chunk]) => String(chunk).includes('the log cannot be written')).length, { timeout: 10_000 })
      .toBe(1);

    // The core still answers: liveness, the guard's session, and reading (checking a document reads the store).
    await expect(client.call('system.ping', {})).resolves.toMatchObject({ at: expect.any(Number) });
    await expect(client.call('auth.whoami', {})).resolves.toMatchObject({ id: GUARD.id });
    const stillChecks = await client.call('capture.manualEntry', { format: 'TD3', fields: utopianTraveller(random) });
    expect(stillChecks.checks.map((check) => check.code)).toContain('direction-sequence');

    // Nothing already recorded is lost, and the failed attempts left nothing partial.
    const duringFull = inspectStore(dataDir);
    expect(before.filter(({ id, seq }) => duringFull.crossings.get(id) !== seq)).toEqual([]);
    expect(duringFull.crossings.size).toBe(before.length);
    expect(duringFull.outbox.maxSeq).toBe(duringFull.outbox.count);
    expect(duringFull.decisionEvents).toBe(before.length);
    expect(duringFull.integrity).toEqual(['ok']);
    expect(duringFull.audit).toMatchObject({ intact: true });

    // Space freed: the very decision that failed can be recorded now, and new ones too.
    rmSync(filler);
    const retried = await client.call('capture.record', recordOnFullDisk);
    const after = await recordOne(client, random);
    const recovered = inspectStore(dataDir);
    for (const { id, seq } of [...before, retried, after]) expect(recovered.crossings.get(id)).toBe(seq);
    expect(recovered.crossings.size).toBe(before.length + 2);
    expect(recovered.outbox.minSeq).toBe(1);
    expect(recovered.outbox.maxSeq).toBe(recovered.outbox.count);
    expect(recovered.decisionEvents).toBe(recovered.crossings.size);
    expect(recovered.integrity).toEqual(['ok']);
    expect(recovered.audit).toMatchObject({ intact: true });

    // The log writes again too: a disk that was full for a while costs log lines, not the log.
    core.log.info('the disk has space again');
    await flushLogger(core.log);
    await expect.poll(() => allLogs(dataDir), { timeout: 10_000 }).toContain('the disk has space again');
    client.close();

    // Closing lets go of every file in the data folder: the tmpfs unmounts without force.
    await core.close();
    // core.close() only flushes the log and leaves its file open; until it closes the log itself, do it here.
    await closeLogger(core.log);
    core = undefined;
    expect(disk.unmount(), 'a file in the data folder was still open after the core closed').toBe('clean');
  }, 120_000);

  it("keeps the log writer's backlog bounded while the disk is full, and writes again once there is room", async () => {
    disk = mountTmpfs('1m');
    const dataDir = path.join(disk.dir, 'data');
    const filler = path.join(disk.dir, 'filler');
    const stderr = vi.spyOn(process.stderr, 'write');
    const reported = (words: string): number => stderr.mock.calls.filter(([chunk]) => String(chunk).includes(words)).length;
    const log = await openLogger({ dataDir, maxBufferedBytes: 64 * 1024 });
    log.info('before the disk filled');
    await expect.poll(() => allLogs(dataDir), { timeout: 10_000 }).toContain('before the disk filled');

    fillDisk(filler);
    // About 250 KB of lines against a 64 KB backlog: most must be dropped, not held.
    for (let i = 0; i < 2000; i++) log.info({ line: i }, 'written while the disk is full');
    await expect.poll(() => reported('the log cannot be written'), { timeout: 10_000 }).toBe(1);
    expect(reported('dropping new lines')).toBe(1);

    rmSync(filler);
    // The writer tries the disk again by itself. This line is longer than the room left
    // under the cap, so it cannot be what starts the retry; once the backlog has drained it is written.
    const longLine = `room again ${'.'.repeat(32 * 1024)}`;
    await expect
      .poll(
        () => {
          log.info(longLine);
          return allLogs(dataDir);
        },
        { timeout: 15_000, interval: 500 },
      )
      .toContain(longLine);
    const kept = allLogs(dataDir).split('\n').filter((line) => line.includes('written while the disk is full')).length;
    expect(kept, 'the backlog was not written once there was room').toBeGreaterThan(0);
    expect(kept, 'the backlog was not bounded').toBeLessThan(2000);
    // Reported once each, however long the disk stayed full.
    expect(reported('the log cannot be written')).toBe(1);
    expect(reported('dropping new lines')).toBe(1);

    await closeLogger(log);
    log.info('after close: dropped, never thrown');
    expect(disk.unmount(), 'the log file was still open after closeLogger').toBe('clean');
  }, 60_000);
});
