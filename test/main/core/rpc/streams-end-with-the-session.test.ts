import { firstValueFrom, type Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { RpcError } from '../../../../main/common/contract/rpc-errors.js';
import { startInProcessAppliance } from '../../../rigs/in-process-appliance.js';
import { addOfficers } from '../../../rigs/officers.js';
import { connectClient } from '../../../rigs/ws-rpc.js';

/** How a stream ended: its error's code, or 'open' if it still runs after `withinMs`. */
function endOf(stream$: Observable<unknown>, withinMs: number): Promise<string> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      subscription.unsubscribe();
      resolve('open');
    }, withinMs);
    const subscription = stream$.subscribe({
      error: (error: unknown) => {
        clearTimeout(timer);
        resolve(error instanceof RpcError ? error.code : 'unknown');
      },
      complete: () => {
        clearTimeout(timer);
        resolve('complete');
      },
    });
  });
}

async function signedInGuard(idleLockMs = 600_000) {
  const appliance = await startInProcessAppliance({}, { authPolicy: { maxFailures: 5, lockoutMs: 60_000, idleLockMs } });
  await addOfficers(appliance.dataDir, [{ id: 'uto-guard-8', pin: '778899', roles: ['guard'] }]);
  const { client } = await connectClient(appliance.host.port, appliance.host.token);
  await client.call('auth.login', { officerId: 'uto-guard-8', pin: '778899' });
  return client;
}

describe('streams that need an officer end when the session stops serving them', () => {
  it('ends the guard’s streams when the screen locks, and leaves the public ones running', async () => {
    const client = await signedInGuard();
    const assessments = endOf(client.stream('capture.assessments', {}), 3000);
    const readers = endOf(client.stream('readers.status', {}), 1000);
    await firstValueFrom(client.stream('sync.status', {}));
    await client.call('auth.lock', {});
    expect(await assessments).toBe('session_locked');
    expect(await readers).toBe('open');
    client.close();
  });

  it('locks an unattended screen by itself, with no call coming, and ends its streams', async () => {
    const client = await signedInGuard(300);
    expect(await endOf(client.stream('capture.assessments', {}), 5000)).toBe('session_locked');
    expect(await client.call('auth.session', {})).toMatchObject({ locked: true });
    client.close();
  });

  it('ends them as signed out when the officer signs out', async () => {
    const client = await signedInGuard();
    const assessments = endOf(client.stream('capture.assessments', {}), 3000);
    await firstValueFrom(client.stream('sync.status', {}));
    await client.call('auth.logout', {});
    expect(await assessments).toBe('unauthenticated');
    client.close();
  });

  it('keeps an attended screen open while it reports the officer’s input', async () => {
    const client = await signedInGuard(400);
    const assessments = endOf(client.stream('capture.assessments', {}), 1200);
    for (let beat = 0; beat < 8; beat += 1) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      await client.call('auth.activity', {});
    }
    expect(await assessments).toBe('open');
    expect(await client.call('auth.session', {})).toMatchObject({ locked: false });
    client.close();
  });
});
