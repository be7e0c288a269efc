import { describe, expect, it, onTestFinished } from 'vitest';
import { frameDocument } from '../../../drivers/framing/framings.js';
import { DEFAULT_BACKOFF } from '../../../drivers/reader/reader.js';
import { backoffDelayMs } from '../../../main/common/backoff/backoff.js';
import { RereadSuppressor } from '../../../drivers/pipeline/reread-suppressor.js';
import { startPtyPair } from '../../rigs/socat.js';
import { tempDir } from '../../rigs/temp-dir.js';
import { SPECIMEN_TD1, SPECIMEN_TD3 } from '../support/documents.js';
import { linesOf, observeReader } from '../support/reader-harness.js';

const WAIT = { timeout: 15_000, interval: 5 };

describe('a reader', () => {
  it('reopens a port that silently stopped delivering (idle watchdog) and reads on', async () => {
    const pair = await startPtyPair();
    onTestFinished(() => pair.close());
    const observed = observeReader(pair.serialSpec('idle=1'));
    await expect.poll(() => observed.reader.status().state, WAIT).toBe('ready');
    await expect.poll(() => observed.reader.counters().connects, WAIT).toBe(2);
    expect(observed.states()).toContain('disconnected/idle-timeout');
    await expect.poll(() => observed.reader.status().state, WAIT).toBe('ready');
    await pair.write(frameDocument(SPECIMEN_TD3, { kind: 'lines' }));
    await expect.poll(() => observed.scans.length, WAIT).toBe(1);
  });

  it('waits for a device that is not there yet, then opens it when it appears', async () => {
    const dir = tempDir();
    const observed = observeReader(`serial:${dir}/host`);
    await expect.poll(() => observed.reader.status().reason, WAIT).toBe('not-present');
    const pair = await startPtyPair(dir);
    onTestFinished(() => pair.close());
    await expect.poll(() => observed.reader.status().state, WAIT).toBe('ready');
    await pair.write(frameDocument(SPECIMEN_TD1, { kind: 'lines' }));
    await expect.poll(() => linesOf(observed.scans), WAIT).toEqual([SPECIMEN_TD1]);
  });

  it('reports a port held by another reader as busy, naming the holder, and takes it once released', async () => {
    const pair = await startPtyPair();
    onTestFinished(() => pair.close());
    const lockDir = tempDir();
    const owner = observeReader(pair.serialSpec(), { ownership: { lockDir, holder: { kind: 'appliance', applianceId: 'uto-lane-1' } } }, 'lane-1-passport');
    await expect.poll(() => owner.reader.status().state, WAIT).toBe('ready');
    const second = observeReader(pair.serialSpec(), { ownership: { lockDir, holder: { kind: 'monitor' } } }, 'second');
    await expect.poll(() => second.reader.status().reason, WAIT).toBe('busy');
    expect(second.reader.status().heldBy).toMatchObject({ kind: 'appliance', applianceId: 'uto-lane-1', readerId: 'lane-1-passport', pid: process.pid });
    await owner.reader.close();
    await expect.poll(() => second.reader.status().state, WAIT).toBe('ready');
    await pair.write(frameDocument(SPECIMEN_TD3, { kind: 'lines' }));
    await expect.poll(() => second.scans.length, WAIT).toBe(1);
    expect(owner.scans).toEqual([]);
  });

  it('ends with a final closed status and completes its streams on close', async () => {
    const observed = observeReader('sim:?interval=1');
    let completed = false;
    observed.reader.scans$.subscribe({ complete: () => (completed = true) });
    await observed.reader.close();
    expect(observed.reader.status()).toMatchObject({ state: 'disconnected', reason: 'closed', final: true });
    expect(completed).toBe(true);
  });

  it('gives an unusable spec a final error status instead of throwing', () => {
    const observed = observeReader('serial:/dev/ttyUSB0?baud=fast');
    expect(observed.reader.status()).toMatchObject({ state: 'error', reason: 'invalid-spec', final: true, message: expect.stringContaining('baud') });
    expect(observed.reader.spec).toBeNull();
  });
});

describe('reconnect backoff', () => {
  it('doubles from 250 ms and never waits more than 2 s, so a replugged device is back within it', () => {
    const delays = Array.from({ length: 12 }, (_unused, failures) => backoffDelayMs(DEFAULT_BACKOFF, failures + 1, () => 0.5));
    expect(delays.slice(0, 4)).toEqual([250, 500, 1000, 2000]);
    for (const random of [0, 0.5, 0.999]) {
      for (let failures = 0; failures < 50; failures++) expect(backoffDelayMs(DEFAULT_BACKOFF, failures + 1, () => random)).toBeLessThanOrEqual(2000);
    }
  });
});

describe('re-read suppression', () => {
  it('drops a byte-identical frame within the window only', () => {
    const suppressor = new RereadSuppressor(1000);
    const a = Buffer.from('frame A');
    expect(suppressor.isReread(a, 0)).toBe(false);
    expect(suppressor.isReread(Buffer.from('frame A'), 300)).toBe(true);
    expect(suppressor.isReread(Buffer.from('frame A'), 900)).toBe(true);
    // A guard's deliberate rescan, a moment later: a new scan.
    expect(suppressor.isReread(Buffer.from('frame A'), 1200)).toBe(false);
    expect(suppressor.isReread(Buffer.from('frame B'), 1300)).toBe(false);
    expect(suppressor.isReread(Buffer.from('frame A'), 1400)).toBe(false);
    expect(new RereadSuppressor(0).isReread(a, 0) || new RereadSuppressor(0).isReread(a, 0)).toBe(false);
  });
});
