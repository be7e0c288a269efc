import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../../../main/core/audit/verify-audit-trail.js';
import { openDatabase } from '../../../../main/core/db/open-database.js';
import { DATABASE_FILE_NAME } from '../../../../main/core/store/open-store.js';
import { startInProcessAppliance } from '../../../rigs/in-process-appliance.js';
import { auditEvents } from '../../../rigs/audit-rows.js';
import { addOfficers } from '../../../rigs/officers.js';
import { connectClient } from '../../../rigs/ws-rpc.js';

function auditActions(dataDir: string): { action: string; officerId: string | null }[] {
  const db = openDatabase(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  const events = auditEvents(db);
  db.close();
  // The first start audits the configuration it came up with; these tests look at what officers did.
  return events
    .filter(({ action }) => action !== 'config-change')
    .map(({ action, officerId }) => ({ action, officerId }));
}

describe('officers signing in', () => {
  it('signs in with the right PIN, is audited, and signs out', async () => {
    const appliance = await startInProcessAppliance();
    await addOfficers(appliance.dataDir, [{ id: 'uto-guard-1', pin: '246810', roles: ['guard'] }]);
    const { client } = await connectClient(appliance.host.port, appliance.host.token);
    expect(await client.call('auth.whoami', {})).toBeNull();
    expect(await client.call('auth.login', { officerId: 'uto-guard-1', pin: '246810' })).toEqual({
      id: 'uto-guard-1',
      displayName: 'Officer uto-guard-1',
      roles: ['guard'],
      mustChangePin: false,
    });
    expect(await client.call('auth.whoami', {})).toMatchObject({ id: 'uto-guard-1' });
    await client.call('auth.logout', {});
    expect(await client.call('auth.whoami', {})).toBeNull();
    expect(auditActions(appliance.dataDir)).toEqual([
      { action: 'login', officerId: 'uto-guard-1' },
      { action: 'logout', officerId: 'uto-guard-1' },
    ]);
    client.close();
  });

  it('says the same for an unknown officer and a wrong PIN, and locks after five wrong PINs', async () => {
    const appliance = await startInProcessAppliance();
    await addOfficers(appliance.dataDir, [{ id: 'uto-guard-2', pin: '135790', roles: ['guard'] }]);
    const { client } = await connectClient(appliance.host.port, appliance.host.token);
    const unknown = await client.call('auth.login', { officerId: 'uto-nobody', pin: '135790' }).catch((error: unknown) => error);
    const wrong = await client.call('auth.login', { officerId: 'uto-guard-2', pin: '000000' }).catch((error: unknown) => error);
    expect(unknown).toMatchObject({ code: 'invalid_credentials', message: 'wrong officer id or PIN' });
    expect(wrong).toMatchObject({ code: 'invalid_credentials', message: 'wrong officer id or PIN' });
    for (let attempt = 2; attempt <= 4; attempt++) {
      await expect(client.call('auth.login', { officerId: 'uto-guard-2', pin: '000000' })).rejects.toMatchObject({ code: 'invalid_credentials' });
    }
    await expect(client.call('auth.login', { officerId: 'uto-guard-2', pin: '000000' })).rejects.toMatchObject({ code: 'account_locked' });
    // Locked: even the right PIN is refused until the lockout ends.
    await expect(client.call('auth.login', { officerId: 'uto-guard-2', pin: '135790' })).rejects.toMatchObject({ code: 'account_locked' });
    expect(auditActions(appliance.dataDir).map((event) => event.action)).toEqual(Array(7).fill('login-failed'));
    client.close();
  });

  it('signs an idle officer out, and audits it', async () => {
    const appliance = await startInProcessAppliance({}, { authPolicy: { maxFailures: 5, lockoutMs: 60_000, idleTimeoutMs: 200 } });
    await addOfficers(appliance.dataDir, [{ id: 'uto-guard-3', pin: '112233', roles: ['guard'] }]);
    const { client } = await connectClient(appliance.host.port, appliance.host.token);
    await client.call('auth.login', { officerId: 'uto-guard-3', pin: '112233' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    await expect(client.call('auth.logout', {})).rejects.toMatchObject({ code: 'unauthenticated', message: expect.stringMatching(/without activity/) });
    expect(await client.call('auth.whoami', {})).toBeNull();
    expect(auditActions(appliance.dataDir).map((event) => event.action)).toEqual(['login', 'logout']);
    client.close();
  });
});

describe('the first technician', () => {
  it('is made at first start with a one-time PIN in an owner-only file, and must change it before anything else', async () => {
    const appliance = await startInProcessAppliance();
    const pinFile = appliance.core.firstTechnicianPinFile ?? '';
    expect(statSync(pinFile).mode & 0o077).toBe(0);
    const pin = /One-time PIN: (\d{8})/.exec(readFileSync(pinFile, 'utf8'))?.[1] ?? '';
    const { client } = await connectClient(appliance.host.port, appliance.host.token);
    expect(await client.call('auth.login', { officerId: 'technician', pin })).toMatchObject({ roles: ['technician'], mustChangePin: true });
    await expect(client.call('auth.changePin', { currentPin: '00000000', newPin: '97531864' })).rejects.toMatchObject({ code: 'invalid_params' });
    await expect(client.call('auth.changePin', { currentPin: pin, newPin: 'abc' })).rejects.toMatchObject({ code: 'invalid_params' });
    expect(await client.call('auth.changePin', { currentPin: pin, newPin: '97531864' })).toMatchObject({ mustChangePin: false });
    expect(existsSync(pinFile)).toBe(false);
    await client.call('auth.logout', {});
    await expect(client.call('auth.login', { officerId: 'technician', pin })).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect(await client.call('auth.login', { officerId: 'technician', pin: '97531864' })).toMatchObject({ mustChangePin: false });
    client.close();

    await appliance.core.close();
    const db = openDatabase(path.join(appliance.dataDir, DATABASE_FILE_NAME), { readonly: true });
    expect(verifyAuditTrail(db, appliance.core.config.applianceId, appliance.core.key.publicKeyBase64)).toMatchObject({ intact: true, events: 6 });
    db.close();
  });
});
