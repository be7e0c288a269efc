import { firstValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { startInProcessAppliance } from '../../../rigs/in-process-appliance.js';
import { addOfficers } from '../../../rigs/officers.js';
import { connectClient } from '../../../rigs/ws-rpc.js';

describe('a lane screen that subscribes just after a document was scanned', () => {
  it('still gets the undecided scan, and never one already decided', async () => {
    const appliance = await startInProcessAppliance({ readers: [{ id: 'simulator', spec: 'sim:?interval=0' }] });
    await addOfficers(appliance.dataDir, [{ id: 'uto-guard-4', pin: '314159', roles: ['guard'] }]);
    const { client } = await connectClient(appliance.host.port, appliance.host.token);
    await client.call('auth.login', { officerId: 'uto-guard-4', pin: '314159' });
    const live = client.stream('scans.live', {});

    // Scanned while no lane screen listens (signing in, reconnecting).
    const scanned = firstValueFrom(live);
    await client.call('readers.simulateScan', { readerId: 'simulator', kind: 'valid' });
    await scanned;
    const first = await firstValueFrom(client.stream('capture.assessments', {}));
    expect(first.document.source).toEqual({ method: 'reader', readerId: 'simulator' });

    await client.call('capture.record', { assessmentId: first.id, direction: 'entry', decision: { outcome: 'admit', reasons: ['documents-in-order'] } });
    // A new subscriber sees the next scan first: the decided one is not handed out again.
    const next = firstValueFrom(client.stream('capture.assessments', {}).pipe(take(1), toArray()));
    await client.call('readers.simulateScan', { readerId: 'simulator', kind: 'minor' });
    const [second] = await next;
    expect(second?.id).not.toBe(first.id);
    expect(second?.checks.find((check) => check.code === 'minor')?.outcome).toBe('alert');
  });
});
