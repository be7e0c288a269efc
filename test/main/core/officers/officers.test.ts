import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../../main/common/contract/audit.js';
import type { RpcClient } from '../../../../main/common/rpc/client.js';
import { openDatabase } from '../../../../main/core/db/open-database.js';
import { DATABASE_FILE_NAME } from '../../../../main/core/store/open-store.js';
import { auditBody, auditEvents, officerAccountEvents } from '../../../rigs/audit-rows.js';
import { startInProcessAppliance } from '../../../rigs/in-process-appliance.js';
import { addOfficers, type TestOfficer } from '../../../rigs/officers.js';
import { connectClient } from '../../../rigs/ws-rpc.js';

const TECHNICIAN: TestOfficer = { id: 'uto-tech-1', pin: '314159', roles: ['technician'] };
const SECOND_TECHNICIAN: TestOfficer = { id: 'uto-tech-2', pin: '271828', roles: ['technician'] };
const SUPERVISOR: TestOfficer = { id: 'uto-super-1', pin: '161803', roles: ['supervisor'] };
const GUARD: TestOfficer = { id: 'uto-guard-1', pin: '141421', roles: ['guard'] };

async function applianceWith(officers: readonly TestOfficer[], authPolicy?: { maxFailures: number; lockoutMs: number; idleLockMs: number }) {
  const appliance = await startInProcessAppliance({}, authPolicy === undefined ? {} : { authPolicy });
  await addOfficers(appliance.dataDir, officers);
  const connect = async (): Promise<RpcClient> => (await connectClient(appliance.host.port, appliance.host.token)).client;
  const signIn = async (officer: { id: string; pin: string }): Promise<RpcClient> => {
    const client = await connect();
    await client.call('auth.login', { officerId: officer.id, pin: officer.pin });
    return client;
  };
  const officerEvents = (): AuditEvent[] => officerAccountEvents(appliance.dataDir);
  const everyAuditBody = (): string => {
    const db = openDatabase(path.join(appliance.dataDir, DATABASE_FILE_NAME), { readonly: true });
    try {
      return auditEvents(db)
        .map((event) => auditBody(db, event.chainIndex))
        .join('\n');
    } finally {
      db.close();
    }
  };
  return { connect, signIn, officerEvents, everyAuditBody };
}

function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => ({ refused: false }),
    (error: unknown) => error,
  );
}

describe('officer accounts', () => {
  it('lets a technician create a guard, who signs in with the one-time PIN and must change it first', async () => {
    const { signIn, officerEvents, everyAuditBody } = await applianceWith([TECHNICIAN]);
    const technician = await signIn(TECHNICIAN);
    const issued = await technician.call('officers.create', { id: 'uto-guard-9', displayName: 'Officer Utopia Nine', roles: ['guard'] });
    expect(issued.oneTimePin).toMatch(/^\d{8}$/);
    expect(issued.officer).toMatchObject({ id: 'uto-guard-9', displayName: 'Officer Utopia Nine', roles: ['guard'], mustChangePin: true, active: true, lockedUntil: null });

    const guard = await signIn({ id: 'uto-guard-9', pin: issued.oneTimePin });
    expect(await guard.call('auth.whoami', {})).toMatchObject({ id: 'uto-guard-9', mustChangePin: true });
    await expect(guard.call('referrals.queue', {})).rejects.toMatchObject({ code: 'forbidden' });
    await expect(guard.call('capture.record', { assessmentId: '01a22400-0000-7000-8000-000000000000', direction: 'entry', decision: { outcome: 'admit', reasons: ['documents-in-order'] } })).rejects.toMatchObject({
      code: 'forbidden',
      message: 'change your one-time PIN first',
    });
    expect(await guard.call('auth.changePin', { currentPin: issued.oneTimePin, newPin: '192837' })).toMatchObject({ mustChangePin: false });

    const listed = await technician.call('officers.list', {});
    expect(listed.map((officer) => [officer.id, officer.mustChangePin])).toEqual([
      ['technician', true],
      ['uto-guard-9', false],
      ['uto-tech-1', false],
    ]);
    expect(officerEvents()).toMatchObject([{ action: 'officer-create', officerId: 'uto-tech-1', details: { targetOfficerId: 'uto-guard-9', roles: 'guard' } }]);
    // The one-time PIN is answered once and never written anywhere in clear.
    expect(everyAuditBody()).not.toContain(issued.oneTimePin);
    guard.close();
    technician.close();
  });

  it('keeps a supervisor to guards: no supervisors or technicians made, touched or granted', async () => {
    const { signIn, officerEvents } = await applianceWith([TECHNICIAN, SUPERVISOR, GUARD, { id: 'uto-super-2', pin: '999111', roles: ['guard', 'supervisor'] }]);
    const supervisor = await signIn(SUPERVISOR);
    const forbidden = { code: 'forbidden' };
    expect(await refusal(supervisor.call('officers.create', { id: 'uto-super-9', displayName: 'Officer Utopia Super', roles: ['supervisor'] }))).toMatchObject({
      ...forbidden,
      message: expect.stringMatching(/guards only/),
    });
    expect(await refusal(supervisor.call('officers.create', { id: 'uto-both-9', displayName: 'Officer Utopia Both', roles: ['guard', 'technician'] }))).toMatchObject(forbidden);
    expect(await refusal(supervisor.call('officers.update', { id: GUARD.id, roles: ['guard', 'supervisor'] }))).toMatchObject({
      ...forbidden,
      message: 'granting the supervisor or technician role takes a technician',
    });
    for (const target of [TECHNICIAN.id, 'uto-super-2']) {
      expect(await refusal(supervisor.call('officers.update', { id: target, displayName: 'Officer Utopia Renamed' })), target).toMatchObject(forbidden);
      expect(await refusal(supervisor.call('officers.resetPin', { id: target })), target).toMatchObject(forbidden);
      expect(await refusal(supervisor.call('officers.setActive', { id: target, active: false })), target).toMatchObject(forbidden);
    }
    expect(await refusal(supervisor.call('officers.update', { id: 'uto-super-2', roles: ['guard'] }))).toMatchObject({ ...forbidden, message: expect.stringMatching(/uto-super-2 holds the guard and supervisor role/) });

    // What a supervisor may do: guards, and only as guards.
    const created = await supervisor.call('officers.create', { id: 'uto-guard-8', displayName: 'Officer Utopia Eight', roles: ['guard'] });
    expect(created.officer.roles).toEqual(['guard']);
    expect(await supervisor.call('officers.update', { id: GUARD.id, displayName: 'Officer Utopia One' })).toMatchObject({ displayName: 'Officer Utopia One', roles: ['guard'] });
    expect(await supervisor.call('officers.setActive', { id: GUARD.id, active: false })).toMatchObject({ active: false });
    expect(await supervisor.call('officers.setActive', { id: GUARD.id, active: true })).toMatchObject({ active: true });
    expect((await supervisor.call('officers.resetPin', { id: GUARD.id })).officer).toMatchObject({ mustChangePin: true });

    expect(officerEvents().map(({ action, officerId, details }) => [action, officerId, details])).toEqual([
      ['officer-create', SUPERVISOR.id, { targetOfficerId: 'uto-guard-8', roles: 'guard' }],
      ['officer-update', SUPERVISOR.id, { targetOfficerId: GUARD.id, displayNameChanged: true }],
      ['officer-deactivate', SUPERVISOR.id, { targetOfficerId: GUARD.id }],
      ['officer-reactivate', SUPERVISOR.id, { targetOfficerId: GUARD.id }],
      ['pin-reset', SUPERVISOR.id, { targetOfficerId: GUARD.id }],
    ]);
    supervisor.close();
  });

  it('never lets the last active technician go, and nobody deactivates themselves', async () => {
    const { signIn, officerEvents } = await applianceWith([TECHNICIAN, SECOND_TECHNICIAN]);
    const technician = await signIn(TECHNICIAN);
    // The first-start technician has not signed in; out of the way, so uto-tech-1 and -2 are the only ones.
    await technician.call('officers.setActive', { id: 'technician', active: false });

    expect(await refusal(technician.call('officers.setActive', { id: TECHNICIAN.id, active: false }))).toMatchObject({
      code: 'invalid_params',
      message: expect.stringMatching(/^you cannot deactivate your own account/),
    });
    expect(await technician.call('officers.setActive', { id: SECOND_TECHNICIAN.id, active: false })).toMatchObject({ active: false });
    expect(await refusal(technician.call('officers.update', { id: TECHNICIAN.id, roles: ['supervisor'] }))).toMatchObject({
      code: 'invalid_params',
      message: 'uto-tech-1 is the last active technician; make another officer a technician first',
    });
    // Making someone else a technician first is the way out.
    await technician.call('officers.setActive', { id: SECOND_TECHNICIAN.id, active: true });
    expect(await technician.call('officers.update', { id: TECHNICIAN.id, roles: ['supervisor', 'guard'] })).toMatchObject({ roles: ['guard', 'supervisor'] });
    expect(officerEvents().map(({ action, details }) => [action, details])).toEqual([
      ['officer-deactivate', { targetOfficerId: 'technician' }],
      ['officer-deactivate', { targetOfficerId: SECOND_TECHNICIAN.id }],
      ['officer-reactivate', { targetOfficerId: SECOND_TECHNICIAN.id }],
      ['officer-update', { targetOfficerId: TECHNICIAN.id, roles: 'guard,supervisor' }],
    ]);
    // The new roles apply to the session already open: officers.* is still allowed (supervisor), but only for guards now.
    expect(await refusal(technician.call('officers.resetPin', { id: SECOND_TECHNICIAN.id }))).toMatchObject({ code: 'forbidden' });
    technician.close();
  });

  it('refuses a deactivated officer at once, on the session already open and at sign-in', async () => {
    const { signIn } = await applianceWith([SUPERVISOR, GUARD]);
    const guard = await signIn(GUARD);
    const supervisor = await signIn(SUPERVISOR);
    await supervisor.call('officers.setActive', { id: GUARD.id, active: false });
    expect(await refusal(guard.call('auth.logout', {}))).toMatchObject({ code: 'unauthenticated', message: 'this account was deactivated; signed out' });
    expect(await guard.call('auth.whoami', {})).toBeNull();
    expect(await refusal(guard.call('auth.login', { officerId: GUARD.id, pin: GUARD.pin }))).toMatchObject({ code: 'invalid_credentials' });
    guard.close();
    supervisor.close();
  });

  it('resets a PIN: a new one-time PIN, and the lockout lifted', async () => {
    const { connect, signIn } = await applianceWith([SUPERVISOR, GUARD], { maxFailures: 2, lockoutMs: 3_600_000, idleLockMs: 600_000 });
    const lane = await connect();
    for (let attempt = 0; attempt < 2; attempt++) await refusal(lane.call('auth.login', { officerId: GUARD.id, pin: '000000' }));
    expect(await refusal(lane.call('auth.login', { officerId: GUARD.id, pin: GUARD.pin }))).toMatchObject({ code: 'account_locked' });

    const supervisor = await signIn(SUPERVISOR);
    const before = (await supervisor.call('officers.list', {})).find((officer) => officer.id === GUARD.id);
    expect(before?.lockedUntil).toEqual(expect.any(String));
    const issued = await supervisor.call('officers.resetPin', { id: GUARD.id });
    expect(issued.officer).toMatchObject({ lockedUntil: null, mustChangePin: true });
    expect(issued.oneTimePin).toMatch(/^\d{8}$/);

    expect(await refusal(lane.call('auth.login', { officerId: GUARD.id, pin: GUARD.pin }))).toMatchObject({ code: 'invalid_credentials' });
    expect(await lane.call('auth.login', { officerId: GUARD.id, pin: issued.oneTimePin })).toMatchObject({ mustChangePin: true });
    lane.close();
    supervisor.close();
  });

  it('names a duplicate id and an unknown id clearly', async () => {
    const { signIn } = await applianceWith([TECHNICIAN, GUARD]);
    const technician = await signIn(TECHNICIAN);
    await technician.call('officers.setActive', { id: GUARD.id, active: false });
    expect(await refusal(technician.call('officers.create', { id: GUARD.id, displayName: 'Officer Utopia Again', roles: ['guard'] }))).toMatchObject({
      code: 'invalid_params',
      message: 'an officer with the id uto-guard-1 already exists (deactivated: reactivate it instead); ids are never reused, because records name them',
    });
    for (const call of [
      technician.call('officers.update', { id: 'uto-nobody', displayName: 'Officer Utopia Nobody' }),
      technician.call('officers.setActive', { id: 'uto-nobody', active: false }),
      technician.call('officers.resetPin', { id: 'uto-nobody' }),
    ]) {
      expect(await refusal(call)).toMatchObject({ code: 'invalid_params', message: 'no officer with the id uto-nobody' });
    }
    technician.close();
  });
});
