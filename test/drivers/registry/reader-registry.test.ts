import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { frameDocument } from '../../../drivers/framing/framings.js';
import { ReaderRegistry } from '../../../drivers/registry/reader-registry.js';
import type { ReaderStatus } from '../../../drivers/reader/reader-status.js';
import type { Scan } from '../../../drivers/pipeline/scan.js';
import { startPtyPair } from '../../rigs/socat.js';
import { tempDir } from '../../rigs/temp-dir.js';
import { SPECIMEN_TD3 } from '../support/documents.js';

const WAIT = { timeout: 15_000, interval: 5 };

describe('the reader registry', () => {
  it('keeps the working readers reading while others fail, each failure only in its own status', async () => {
    const pair = await startPtyPair();
    onTestFinished(() => pair.close());
    const dir = tempDir();
    const broken = path.join(dir, 'broken.jsonl');
    writeFileSync(broken, 'this is not a capture');
    const registry = new ReaderRegistry([
      { id: 'lane-1-passport', spec: pair.serialSpec('framing=stx-etx') },
      { id: 'misspelt', spec: 'serial:/dev/ttyUSB0?baud=96OO' },
      { id: 'unplugged', spec: `serial:${dir}/nothing-here` },
      { id: 'broken-capture', spec: `replay:${broken}` },
      { id: 'demo', spec: 'sim:?interval=0.01&count=3' },
      { id: 'wedge', spec: 'hid:0db5:0161?decoder=keyboard' },
    ]);
    onTestFinished(() => registry.close());
    const scans: Scan[] = [];
    const statuses: ReaderStatus[] = [];
    registry.scans$.subscribe((scan) => scans.push(scan));
    registry.status$.subscribe((status) => statuses.push(status));

    await expect.poll(() => registry.readers.get('lane-1-passport')?.status().state, WAIT).toBe('ready');
    await pair.write(frameDocument(SPECIMEN_TD3, { kind: 'stx-etx' }));
    await expect.poll(() => scans.filter((scan) => scan.readerId === 'lane-1-passport').length, WAIT).toBe(1);
    await expect.poll(() => scans.filter((scan) => scan.readerId === 'demo').length, WAIT).toBe(3);

    const byId = Object.fromEntries(registry.statuses().map((status) => [status.readerId, status]));
    expect(byId.misspelt).toMatchObject({ state: 'error', reason: 'invalid-spec', final: true });
    expect(byId.unplugged).toMatchObject({ state: 'disconnected', reason: 'not-present' });
    expect(byId['broken-capture']).toMatchObject({ state: 'error', reason: 'invalid-capture', final: true });
    expect(byId.wedge).toMatchObject({ state: 'disconnected', reason: 'not-present' });
    expect(byId['lane-1-passport']).toMatchObject({ state: 'ready' });
    expect(new Set(statuses.map((status) => status.readerId))).toEqual(new Set(registry.readers.keys()));
    expect(registry.keyboardWedgeReaderIds()).toEqual(['wedge']);
  });

  it('closes every reader, releasing their devices', async () => {
    const pair = await startPtyPair();
    onTestFinished(() => pair.close());
    const registry = new ReaderRegistry([{ id: 'one', spec: pair.serialSpec() }]);
    await expect.poll(() => registry.statuses()[0]?.state, WAIT).toBe('ready');
    await registry.close();
    expect(registry.statuses()[0]).toMatchObject({ state: 'disconnected', reason: 'closed', final: true });
    const again = new ReaderRegistry([{ id: 'two', spec: pair.serialSpec() }]);
    onTestFinished(() => again.close());
    await expect.poll(() => again.statuses()[0]?.state, WAIT).toBe('ready');
  });

  it('adds, replaces and removes readers while the others keep reading, and the merged streams follow', async () => {
    const lane = await startPtyPair();
    onTestFinished(() => lane.close());
    const spare = await startPtyPair();
    onTestFinished(() => spare.close());
    const registry = new ReaderRegistry([{ id: 'lane', spec: lane.serialSpec('framing=stx-etx') }]);
    onTestFinished(() => registry.close());
    const scans: Scan[] = [];
    const statuses: ReaderStatus[] = [];
    registry.scans$.subscribe((scan) => scans.push(scan));
    registry.status$.subscribe((status) => statuses.push(status));
    await expect.poll(() => registry.readers.get('lane')?.status().state, WAIT).toBe('ready');

    await registry.replace({ id: 'added', spec: spare.serialSpec() });
    await expect.poll(() => registry.readers.get('added')?.status().state, WAIT).toBe('ready');
    await spare.write(frameDocument(SPECIMEN_TD3, { kind: 'lines' }));
    await expect.poll(() => scans.filter((scan) => scan.readerId === 'added').length, WAIT).toBe(1);

    // The same port under another framing: the old reader lets go of it before the new one opens it.
    await registry.replace({ id: 'lane', spec: lane.serialSpec('framing=lines') });
    await expect.poll(() => registry.readers.get('lane')?.status().state, WAIT).toBe('ready');
    expect(registry.readers.get('lane')?.spec).toMatchObject({ framing: { kind: 'lines' } });
    await lane.write(frameDocument(SPECIMEN_TD3, { kind: 'lines' }));
    await expect.poll(() => scans.filter((scan) => scan.readerId === 'lane').length, WAIT).toBe(1);
    expect(statuses.some((status) => status.readerId === 'lane' && status.reason === 'closed' && status.final)).toBe(true);

    expect(await registry.remove('added')).toBe(true);
    expect(await registry.remove('added')).toBe(false);
    expect([...registry.readers.keys()]).toEqual(['lane']);
    expect(statuses.filter((status) => status.readerId === 'added').at(-1)).toMatchObject({ reason: 'closed', final: true });
    // Released: another registry can open the removed reader's port.
    const other = new ReaderRegistry([{ id: 'other', spec: spare.serialSpec() }]);
    onTestFinished(() => other.close());
    await expect.poll(() => other.statuses()[0]?.state, WAIT).toBe('ready');
  });
});
