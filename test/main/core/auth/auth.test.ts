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

function officerEvents(dataDir: string): { action: string; officerId: string | null; details: Record<string, string | number | boolean | null> }[] {
  const db = openDatabase(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  const events = auditEvents(db);
  db.close();
  return events.filter(({ action }) => action !== 'config-change').map(({ action, officerId, details }) => ({ action, officerId, details }));
}

const manualEntry = {
  format: 'TD3',
  fields: { documentCode: 'P', issuingState: 'UTO', documentNumber: 'L898902C3', nationality: 'UTO', birthDate: '740812', sex: 'F', expiryDate: '320415', surname: 'ERIKSSON', givenNames: 'ANNA MARIA' },
} as const;

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

  it('says how many tries are left, and until when a locked account is locked', async () => {
    const appliance = await startInProcessAppliance();
    await addOfficers(appliance.dataDir, [{ id: 'uto-guard-4', pin: '142857', roles: ['guard'] }]);
    const { client } = await connectClient(appliance.host.port, appliance.host.token);
    for (const triesLeft of [4, 3, 2, 1]) {
      await expect(client.call('auth.login', { officerId: 'uto-guard-4', pin: '000000' })).rejects.toMatchObject({ code: 'invalid_credentials', details: { triesLeft } });
    }
    const before = Date.now();
    const locked = await client.call('auth.login', { officerId: 'uto-guard-4', pin: '000000' }).catch((error: unknown) => error);
    expect(locked).toMatchObject({ code: 'account_locked', message: 'too many wrong PINs: this account is locked for 5 minutes' });
    const until = Date.parse((locked as { details: { lockedUntil: string } }).details.lockedUntil);
    expect(until).toBeGreaterThanOrEqual(before + 5 * 60_000 - 1000);
    expect(until).toBeLessThanOrEqual(Date.now() + 5 * 60_000);
    await expect(client.call('auth.login', { officerId: 'uto-guard-4', pin: '142857' })).rejects.toMatchObject({
      code: 'account_locked',
      details: { lockedUntil: new Date(until).toISOString() },
    });
    client.close();
  });

  it('answers an unknown officer id exactly as a known one, tries left and lockout included', async () => {
    const appliance = await startInProcessAppliance({ session: { idleLockSeconds: 300, maxWrongPins: 3, lockoutMinutes: 2 } });
    await addOfficers(appliance.dataDir, [{ id: 'uto-guard-5', pin: '271828', roles: ['guard'] }]);
    const { client } = await connectClient(appliance.host.port, appliance.host.token);
    const answers = async (officerId: string): Promise<unknown[]> => {
      const seen: unknown[] = [];
      for (let attempt = 0; attempt < 4; attempt++) {
        const error = await client.call('auth.login', { officerId, pin: '999999' }).catch((caught: unknown) => caught);
        const { code, message, details } = error as { code: string; message: string; details?: { triesLeft?: number; lockedUntil?: string } };
        // The lockout's end differs by the milliseconds between the two runs; its presence must not.
        seen.push({ code, message: message.replace(/until \S+;/, 'until …;'), triesLeft: details?.triesLeft, locked: details?.lockedUntil !== undefined });
      }
      return seen;
    };
    const known = await answers('uto-guard-5');
    expect(known).toEqual([
      { code: 'invalid_credentials', message: 'wrong officer id or PIN', triesLeft: 2, locked: false },
      { code: 'invalid_credentials', message: 'wrong officer id or PIN', triesLeft: 1, locked: false },
      { code: 'account_locked', message: 'too many wrong PINs: this account is locked for 2 minutes', triesLeft: undefined, locked: true },
      { code: 'account_locked', message: 'this account is locked after repeated wrong PINs until …; a supervisor can help', triesLeft: undefined, locked: true },
    ]);
    expect(await answers('uto-nobody-here')).toEqual(known);
    client.close();
  });

  it('locks an idle session instead of signing it out, once, and resumes it with the same PIN', async () => {
    const appliance = await startInProcessAppliance({}, { authPolicy: { maxFailures: 5, lockoutMs: 60_000, idleLockMs: 200 } });
    await addOfficers(appliance.dataDir, [{ id: 'uto-guard-3', pin: '112233', roles: ['guard'] }]);
    const { client } = await connectClient(appliance.host.port, appliance.host.token);
    await client.call('auth.login', { officerId: 'uto-guard-3', pin: '112233' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await client.call('auth.session', {})).toEqual({ officer: expect.objectContaining({ id: 'uto-guard-3' }), locked: true });
    await expect(client.call('capture.manualEntry', manualEntry)).rejects.toMatchObject({ code: 'session_locked', message: 'the screen is locked: resume with your PIN' });
    await expect(client.call('auth.changePin', { currentPin: '112233', newPin: '445566' })).rejects.toMatchObject({ code: 'session_locked' });
    expect(await client.call('auth.whoami', {})).toMatchObject({ id: 'uto-guard-3' });
    await expect(client.call('auth.unlock', { pin: '000000' })).rejects.toMatchObject({ code: 'invalid_credentials', message: 'wrong PIN', details: { triesLeft: 4 } });
    expect(await client.call('auth.unlock', { pin: '112233' })).toMatchObject({ id: 'uto-guard-3' });
    expect(await client.call('auth.session', {})).toMatchObject({ locked: false });
    await expect(client.call('capture.manualEntry', manualEntry)).resolves.toMatchObject({ document: { valid: true } });
    expect(officerEvents(appliance.dataDir)).toEqual([
      { action: 'login', officerId: 'uto-guard-3', details: {} },
      { action: 'lock', officerId: 'uto-guard-3', details: { reason: 'idle' } },
      { action: 'login-failed', officerId: 'uto-guard-3', details: { reason: 'wrong-pin', failures: 1, step: 'unlock' } },
      { action: 'unlock', officerId: 'uto-guard-3', details: {} },
      { action: 'scan', officerId: 'uto-guard-3', details: expect.objectContaining({ source: 'manual' }) },
    ]);
    client.close();
  });

  it('locks on request, counts wrong PINs at the lock screen towards the lockout, and still signs out', async () => {
    const appliance = await startInProcessAppliance({ session: { idleLockSeconds: 300, maxWrongPins: 3, lockoutMinutes: 1 } });
    await addOfficers(appliance.dataDir, [{ id: 'uto-guard-6', pin: '161803', roles: ['guard'] }]);
    const { client } = await connectClient(appliance.host.port, appliance.host.token);
    await expect(client.call('auth.unlock', { pin: '161803' })).rejects.toMatchObject({ code: 'invalid_params', message: 'no session to resume on this connection: sign in' });
    await client.call('auth.login', { officerId: 'uto-guard-6', pin: '161803' });
    await expect(client.call('auth.unlock', { pin: '161803' })).rejects.toMatchObject({ code: 'invalid_params', message: 'this session is not locked' });
    await client.call('auth.lock', {});
    await client.call('auth.lock', {});
    expect(await client.call('auth.session', {})).toMatchObject({ locked: true });
    await expect(client.call('auth.unlock', { pin: '000000' })).rejects.toMatchObject({ code: 'invalid_credentials', details: { triesLeft: 2 } });
    await expect(client.call('auth.unlock', { pin: '000000' })).rejects.toMatchObject({ code: 'invalid_credentials', details: { triesLeft: 1 } });
    await expect(client.call('auth.unlock', { pin: '000000' })).rejects.toMatchObject({ code: 'account_locked', details: { lockedUntil: expect.any(String) } });
    await expect(client.call('auth.unlock', { pin: '161803' })).rejects.toMatchObject({ code: 'account_locked' });
    // The lock screen's way out: sign-out works while locked.
    await client.call('auth.logout', {});
    expect(await client.call('auth.session', {})).toEqual({ officer: null, locked: false });
    expect(officerEvents(appliance.dataDir).map(({ action, details }) => `${action} ${String(details.reason ?? '')}`)).toEqual([
      'login ',
      'lock requested',
      'login-failed wrong-pin',
      'login-failed wrong-pin',
      'login-failed wrong-pin-locked',
      'login-failed locked',
      'logout requested',
    ]);
    client.close();
  });

  it("ends the first officer's session when another signs in on the same screen, locked or not", async () => {
    const appliance = await startInProcessAppliance();
    await addOfficers(appliance.dataDir, [
      { id: 'uto-guard-7', pin: '314159', roles: ['guard'] },
      { id: 'uto-guard-8', pin: '265358', roles: ['guard'] },
    ]);
    const { client } = await connectClient(appliance.host.port, appliance.host.token);
    await client.call('auth.login', { officerId: 'uto-guard-7', pin: '314159' });
    await client.call('auth.lock', {});
    expect(await client.call('auth.login', { officerId: 'uto-guard-8', pin: '265358' })).toMatchObject({ id: 'uto-guard-8' });
    expect(await client.call('auth.session', {})).toEqual({ officer: expect.objectContaining({ id: 'uto-guard-8' }), locked: false });
    await client.call('auth.login', { officerId: 'uto-guard-7', pin: '314159' });
    expect(officerEvents(appliance.dataDir).map(({ action, officerId, details }) => `${action} ${String(officerId)} ${String(details.reason ?? '')}`)).toEqual([
      'login uto-guard-7 ',
      'lock uto-guard-7 requested',
      'login uto-guard-8 ',
      'logout uto-guard-7 replaced',
      'login uto-guard-7 ',
      'logout uto-guard-8 replaced',
    ]);
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
