import { firstValueFrom, filter, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { formatMrz } from '../../../../main/common/icao/index.js';
import { startInProcessAppliance } from '../../../rigs/in-process-appliance.js';
import { addOfficers } from '../../../rigs/officers.js';
import { startPtyPair } from '../../../rigs/socat.js';
import { SPECIMEN_PASSPORT } from '../../../rigs/specimens.js';
import { connectClient } from '../../../rigs/ws-rpc.js';

const SPECIMEN = formatMrz(SPECIMEN_PASSPORT, 'TD3');

describe('readers composed into the core', () => {
  it('delivers a document written to a real serial pty to a signed-in guard, with the MRZ verdict', async () => {
    const pty = await startPtyPair();
    try {
      const appliance = await startInProcessAppliance({ readers: [{ id: 'desk', spec: pty.serialSpec('framing=lines') }] });
      await addOfficers(appliance.dataDir, [{ id: 'uto-guard-5', pin: '314159', roles: ['guard'] }]);
      const { client } = await connectClient(appliance.host.port, appliance.host.token);

      const ready = firstValueFrom(
        client.stream('readers.status', {}).pipe(filter((event) => event.readers.some((reader) => reader.readerId === 'desk' && reader.state === 'ready'))),
      );
      await expect(ready).resolves.toMatchObject({ readers: [expect.objectContaining({ readerId: 'desk', state: 'ready' })] });

      // Scans are personal data: only a signed-in guard may watch them.
      await expect(firstValueFrom(client.stream('scans.live', {}))).rejects.toMatchObject({ code: 'unauthenticated' });
      await client.call('auth.login', { officerId: 'uto-guard-5', pin: '314159' });
      const scans = firstValueFrom(client.stream('scans.live', {}).pipe(take(2), toArray()));
      // Subscribing is a message away; give it a moment to reach the core before the reader speaks.
      await client.call('system.ping', {});
      await pty.write(`${SPECIMEN.replace('\n', '\r\n')}\r\n`);
      await pty.write(`${SPECIMEN.replace('7408122', '74O8122').replace('\n', '\r\n')}\r\n`);
      const [first, second] = await scans;
      expect(first).toMatchObject({ readerId: 'desk', mrz: { valid: true, format: 'TD3', fields: { documentNumber: 'L898902C3' } } });
      expect(second).toMatchObject({ mrz: { valid: true, corrections: [{ field: 'birthDate', from: 'O', to: '0' }] } });
      client.close();
    } finally {
      await pty.close();
    }
  });

  it('keeps serving when a configured reader cannot be opened, and says why', async () => {
    const appliance = await startInProcessAppliance({
      readers: [
        { id: 'gone', spec: 'serial:/dev/sahman-no-such-port?framing=lines' },
        { id: 'desk', spec: 'sim:?interval=0.05&seed=7' },
      ],
    });
    const { client } = await connectClient(appliance.host.port, appliance.host.token);
    const statuses = await firstValueFrom(
      client.stream('readers.status', {}).pipe(filter((event) => event.readers.length === 2 && event.readers.every((reader) => reader.state !== 'connecting'))),
    );
    expect(statuses.readers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ readerId: 'gone', kind: 'serial', state: 'disconnected', reason: 'not-present' }),
        expect.objectContaining({ readerId: 'desk', kind: 'sim', state: 'ready' }),
      ]),
    );
    await expect(client.call('system.ping', {})).resolves.toMatchObject({ at: expect.any(Number) });
    client.close();
  });

  it('makes the simulator scan a document of the chosen kind on demand, through the reader path to the guard', async () => {
    const appliance = await startInProcessAppliance({
      readers: [
        { id: 'simulator', spec: 'sim:?interval=0' },
        { id: 'gone', spec: 'serial:/dev/sahman-no-such-port?framing=lines' },
        { id: 'capture', spec: 'replay:/nonexistent/capture.jsonl' },
      ],
    });
    await addOfficers(appliance.dataDir, [{ id: 'uto-guard-6', pin: '161803', roles: ['guard'] }]);
    const { client } = await connectClient(appliance.host.port, appliance.host.token);
    await client.call('auth.login', { officerId: 'uto-guard-6', pin: '161803' });
    await firstValueFrom(client.stream('readers.status', {}).pipe(filter((event) => event.readers.some((reader) => reader.readerId === 'simulator' && reader.state === 'ready'))));
    const assessments = firstValueFrom(client.stream('capture.assessments', {}).pipe(take(4), toArray()));
    await client.call('system.ping', {});
    for (const kind of ['valid', 'expired', 'ocr-error', 'minor'] as const) await client.call('readers.simulateScan', { readerId: 'simulator', kind });
    const [valid, expired, misread, minor] = await assessments;
    const outcome = (assessment: typeof valid, code: string): string | undefined => assessment?.checks.find((check) => check.code === code)?.outcome;
    expect(valid?.document).toMatchObject({ source: { method: 'reader', readerId: 'simulator' }, valid: true, corrections: [], fields: { issuingState: 'UTO' } });
    expect([outcome(valid, 'expiry'), outcome(valid, 'minor')]).toEqual(['pass', 'pass']);
    expect(outcome(expired, 'expiry')).toBe('alert');
    expect(misread?.document.valid).toBe(true);
    expect(misread?.document.corrections).not.toEqual([]);
    expect(outcome(minor, 'minor')).not.toBe('pass');

    await expect(client.call('readers.simulateScan', { readerId: 'nowhere', kind: 'valid' })).rejects.toMatchObject({ code: 'invalid_params', message: 'no reader "nowhere" is configured' });
    for (const readerId of ['gone', 'capture']) {
      await expect(client.call('readers.simulateScan', { readerId, kind: 'valid' })).rejects.toMatchObject({ code: 'invalid_params', message: expect.stringContaining('is not a simulator') });
    }
    client.close();
  });
});
