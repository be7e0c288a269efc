import { readFileSync } from 'node:fs';
import path from 'node:path';
import { filter, firstValueFrom, scan, takeWhile, toArray, type Observable } from 'rxjs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { formatMrz } from '../../../../main/common/icao/index.js';
import type { ReaderStatusView } from '../../../../main/common/contract/readers.js';
import type { RpcClient } from '../../../../main/common/rpc/client.js';
import { startInProcessAppliance } from '../../../rigs/in-process-appliance.js';
import { connectInProcess } from '../../../rigs/in-process-rpc.js';
import { addOfficers } from '../../../rigs/officers.js';
import { startPtyPair } from '../../../rigs/socat.js';
import { SPECIMEN_PASSPORT } from '../../../rigs/specimens.js';
import { auditEvents } from '../../../rigs/audit-rows.js';
import { openDatabase } from '../../../../main/core/db/open-database.js';
import { DATABASE_FILE_NAME } from '../../../../main/core/store/open-store.js';
import type { AuditEvent } from '../../../../main/common/contract/audit.js';

const SPECIMEN = formatMrz(SPECIMEN_PASSPORT, 'TD3');
const TECHNICIAN = { id: 'uto-tech-7', pin: '271828', roles: ['technician'] as const };
const GUARD = { id: 'uto-guard-7', pin: '161803', roles: ['guard'] as const };

function stateOf(client: RpcClient, readerId: string, state: ReaderStatusView['state']): Promise<unknown> {
  return firstValueFrom(client.stream('readers.status', {}).pipe(filter((event) => event.readers.some((reader) => reader.readerId === readerId && reader.state === state))));
}

function auditRows(dataDir: string): AuditEvent[] {
  const db = openDatabase(path.join(dataDir, DATABASE_FILE_NAME));
  try {
    return auditEvents(db);
  } finally {
    db.close();
  }
}

function configReaders(dataDir: string): unknown {
  return (JSON.parse(readFileSync(path.join(dataDir, 'config.json'), 'utf8')) as { readers: unknown }).readers;
}

async function signedIn(core: Parameters<typeof connectInProcess>[0], officer: typeof TECHNICIAN | typeof GUARD): Promise<RpcClient> {
  const client = connectInProcess(core, officer.id);
  onTestFinished(() => {
    client.close();
  });
  await client.call('auth.login', { officerId: officer.id, pin: officer.pin });
  return client;
}

describe("the technician's reader console", { timeout: 30_000 }, () => {
  it('adds a pty reader live, edits it, refuses a broken spec while the reader keeps working, and removes it; each change audited and in the config file', async () => {
    const pty = await startPtyPair();
    onTestFinished(() => pty.close());
    const appliance = await startInProcessAppliance({ readers: [{ id: 'simulator', spec: 'sim:?interval=0' }] });
    await addOfficers(appliance.dataDir, [TECHNICIAN, GUARD]);
    const tech = await signedIn(appliance.core, TECHNICIAN);
    const guard = await signedIn(appliance.core, GUARD);

    const added = await tech.call('readers.save', { id: 'desk', spec: pty.serialSpec('framing=lines') });
    expect(added.readers.map((reader) => reader.id)).toEqual(['simulator', 'desk']);
    expect(configReaders(appliance.dataDir)).toEqual(added.readers);
    await stateOf(tech, 'desk', 'ready');

    // Broken: a misspelt baud and an unknown framing, each named; nothing changes.
    const refusal = tech.call('readers.save', { id: 'desk', spec: pty.serialSpec('framing=morse&baud=fast'), replaces: 'desk' });
    await expect(refusal).rejects.toMatchObject({
      code: 'invalid_params',
      details: { issues: expect.arrayContaining([expect.objectContaining({ option: 'baud' }), expect.objectContaining({ option: 'framing' })]) as unknown },
    });
    expect(configReaders(appliance.dataDir)).toEqual(added.readers);
    // A second reader on the same port is refused too: they would steal it from each other.
    await expect(tech.call('readers.save', { id: 'desk-2', spec: pty.serialSpec() })).rejects.toMatchObject({ details: { issues: [expect.objectContaining({ option: 'path' })] } });

    // The running reader still delivers to the guard.
    const guardScan = firstValueFrom(guard.stream('scans.live', {}));
    await guard.call('system.ping', {});
    await pty.write(`${SPECIMEN.replace('\n', '\r\n')}\r\n`);
    await expect(guardScan).resolves.toMatchObject({ readerId: 'desk', mrz: { valid: true } });

    // Renamed and re-framed in one save: the old id is gone from the statuses, the new one is ready.
    const renamed = await tech.call('readers.save', { id: 'desk-a', spec: pty.serialSpec('framing=stx-etx'), replaces: 'desk' });
    expect(renamed.readers.map((reader) => reader.id)).toEqual(['simulator', 'desk-a']);
    const statuses = await firstValueFrom(
      tech.stream('readers.status', {}).pipe(filter((event) => event.readers.some((reader) => reader.readerId === 'desk-a' && reader.state === 'ready'))),
    );
    expect(statuses.readers.map((reader) => reader.readerId).sort()).toEqual(['desk-a', 'simulator']);

    await tech.call('readers.remove', { id: 'desk-a' });
    expect(configReaders(appliance.dataDir)).toEqual([{ id: 'simulator', spec: 'sim:?interval=0' }]);
    await expect(tech.call('readers.remove', { id: 'desk-a' })).rejects.toMatchObject({ code: 'invalid_params' });

    const events = auditRows(appliance.dataDir).filter((event) => event.action.startsWith('reader-'));
    expect(events.map((event) => [event.action, event.officerId, event.details.readerId])).toEqual([
      ['reader-save', TECHNICIAN.id, 'desk'],
      ['reader-save', TECHNICIAN.id, 'desk-a'],
      ['reader-remove', TECHNICIAN.id, 'desk-a'],
    ]);
    // Roles are the core's: a guard cannot change readers.
    await expect(guard.call('readers.remove', { id: 'simulator' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('takes a test scan that the guard never sees, with timings, and shows the raw bytes as they come', async () => {
    const pty = await startPtyPair();
    onTestFinished(() => pty.close());
    const appliance = await startInProcessAppliance({ readers: [{ id: 'desk', spec: pty.serialSpec('framing=lines') }] });
    await addOfficers(appliance.dataDir, [TECHNICIAN, GUARD]);
    const tech = await signedIn(appliance.core, TECHNICIAN);
    const guard = await signedIn(appliance.core, GUARD);
    await stateOf(tech, 'desk', 'ready');

    const guardSaw: unknown[] = [];
    const guardScans = guard.stream('scans.live', {}).subscribe((event) => guardSaw.push(event));
    onTestFinished(() => {
      guardScans.unsubscribe();
    });
    const raw: Observable<number> = tech.stream('readers.raw', { readerId: 'desk' }).pipe(scan((bytes, event) => bytes + event.chunks.reduce((sum, chunk) => sum + chunk.hex.length / 2, 0), 0));
    const rawUntil = firstValueFrom(raw.pipe(takeWhile((bytes) => bytes < 5, true), toArray()));
    await tech.call('system.ping', {});
    await pty.write('\x00ok\r\n');
    expect((await rawUntil).at(-1)).toBe(5);

    const test = tech.call('readers.testScan', { readerId: 'desk', timeoutSeconds: 10 });
    await tech.call('system.ping', {});
    await expect(tech.call('readers.testScan', { readerId: 'desk' })).rejects.toMatchObject({ code: 'invalid_params' });
    await pty.write(`${SPECIMEN.replace('\n', '\r\n')}\r\n`);
    const result = await test;
    expect(result).toMatchObject({ outcome: 'scanned', readerId: 'desk', mrz: { valid: true, fields: { documentNumber: 'L898902C3' } } });
    if (result.outcome !== 'scanned') throw new Error('no scan');
    expect(result.timings.parseMs).toBeGreaterThan(0);
    expect(result.timings.waitedMs).toBeGreaterThanOrEqual(result.timings.transferMs);

    // The next document is the guard's again (another one: the same bytes at once would be a re-read).
    await pty.write(`${SPECIMEN.replace('7408122', '74O8122').replace('\n', '\r\n')}\r\n`);
    await expect.poll(() => guardSaw.length, { timeout: 10_000 }).toBe(1);

    await expect(tech.call('readers.testScan', { readerId: 'desk', timeoutSeconds: 1 })).resolves.toMatchObject({ outcome: 'timeout' });
    const actions = auditRows(appliance.dataDir).map((event) => event.action).filter((action) => action.startsWith('reader-'));
    expect(actions).toEqual(['reader-monitor', 'reader-test-scan', 'reader-test-scan']);
  });

  it('lists the devices beside the configured readers, naming this appliance as the holder of its running reader', async () => {
    const pty = await startPtyPair();
    onTestFinished(() => pty.close());
    const appliance = await startInProcessAppliance({ readers: [{ id: 'desk', spec: pty.serialSpec() }, { id: 'gone', spec: 'serial:/dev/sahman-no-such-port' }] });
    await addOfficers(appliance.dataDir, [TECHNICIAN]);
    const tech = await signedIn(appliance.core, TECHNICIAN);
    await stateOf(tech, 'desk', 'ready');
    const devices = await tech.call('readers.devices', {});
    expect(devices.readers).toEqual([
      expect.objectContaining({ id: 'desk', kind: 'serial', present: true, heldBy: expect.objectContaining({ kind: 'appliance', readerId: 'desk', thisAppliance: true }) as unknown, status: expect.objectContaining({ state: 'ready' }) as unknown }),
      expect.objectContaining({ id: 'gone', present: false, status: expect.objectContaining({ state: 'disconnected' }) as unknown }),
    ]);
  });
});
