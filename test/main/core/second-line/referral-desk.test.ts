import path from 'node:path';
import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { RpcClient } from '../../../../main/common/rpc/client.js';
import { readStoredResolution } from '../../../../main/core/capture/stored-records.js';
import { openDatabase } from '../../../../main/core/db/open-database.js';
import { AuditTrail } from '../../../../main/core/audit/audit-trail.js';
import { ReferralDesk } from '../../../../main/core/second-line/referral-desk.js';
import { DATABASE_FILE_NAME } from '../../../../main/core/store/open-store.js';
import { auditEvents } from '../../../rigs/audit-rows.js';
import { startTestCentral } from '../../../rigs/central.js';
import { addOfficers } from '../../../rigs/officers.js';
import { SPECIMEN_PASSPORT } from '../../../rigs/specimens.js';
import { deliveredAll, laneSyncingTo } from '../../../rigs/syncing-lane.js';
import { connectClient } from '../../../rigs/ws-rpc.js';

async function refer(guard: RpcClient, documentNumber: string) {
  const assessment = await guard.call('capture.manualEntry', { format: 'TD3', fields: { ...SPECIMEN_PASSPORT, documentNumber } });
  return guard.call('capture.record', { assessmentId: assessment.id, direction: 'entry', decision: { outcome: 'refer', reasons: ['further-checks'] }, notes: 'visa stamp looks altered' });
}

describe("second line's referral queue", () => {
  it('a supervisor takes a referral and admits it with a reason; the resolution is a new record that reaches central, and the queue moves on', async () => {
    const central = await startTestCentral();
    const { appliance, guard, supervisor } = await laneSyncingTo(central);
    const applianceId = appliance.core.config.applianceId;
    central.registerKey(applianceId, appliance.core.key.publicKeyBase64);
    await addOfficers(appliance.dataDir, [{ id: 'uto-super-2', pin: '161803', roles: ['supervisor'] }]);
    const { client: colleague } = await connectClient(appliance.host.port, appliance.host.token);
    await colleague.call('auth.login', { officerId: 'uto-super-2', pin: '161803' });

    const first = await refer(guard, 'U00000001');
    const second = await refer(guard, 'U00000002');
    const queue = await supervisor.call('referrals.queue', {});
    // The card the guard saw, the guard's reasons and notes, and nobody has it yet.
    expect(queue.map((referral) => referral.id)).toEqual([first.id, second.id]);
    expect(queue[0]).toMatchObject({
      officerId: 'uto-guard-1',
      document: { fields: { documentNumber: 'U00000001', surname: SPECIMEN_PASSPORT.surname } },
      reasons: ['further-checks'],
      notes: 'visa stamp looks altered',
      take: null,
      overdue: false,
    });
    expect(queue[0]?.checks.length).toBeGreaterThan(0);

    // Resolving before taking, or what another supervisor holds, is refused with the reason.
    const admit = { referralId: first.id, outcome: 'admitted' as const, reason: 'stamp genuine, confirmed by the issuing consulate' };
    await expect(supervisor.call('referrals.resolve', admit)).rejects.toMatchObject({ code: 'invalid_params', message: expect.stringContaining('take the referral') });
    expect(await supervisor.call('referrals.take', { referralId: first.id })).toMatchObject({ id: first.id, take: { officerId: 'uto-super-1' } });
    expect(await colleague.call('referrals.take', { referralId: first.id })).toMatchObject({ take: { officerId: 'uto-super-2' } });
    await expect(supervisor.call('referrals.resolve', admit)).rejects.toMatchObject({ message: expect.stringContaining('held by uto-super-2') });
    await supervisor.call('referrals.take', { referralId: first.id });
    await expect(supervisor.call('referrals.resolve', { ...admit, reason: '   ' })).rejects.toMatchObject({ code: 'invalid_params' });
    const resolved = await supervisor.call('referrals.resolve', { ...admit, notes: 'traveller waited 20 minutes' });

    expect((await supervisor.call('referrals.queue', {})).map((referral) => referral.id)).toEqual([second.id]);
    await expect(supervisor.call('referrals.resolve', admit)).rejects.toMatchObject({ message: expect.stringContaining('already resolved') });
    await expect(guard.call('referrals.take', { referralId: second.id })).rejects.toMatchObject({ code: 'forbidden' });

    // Nothing was edited: the crossing stands, and the resolution is a record of its own, audited with every take.
    const db = openDatabase(path.join(appliance.dataDir, DATABASE_FILE_NAME), { readonly: true });
    const stored = readStoredResolution(db.prepare('SELECT body FROM resolutions').pluck().get());
    expect(stored.ok && stored.record).toMatchObject({ id: resolved.id, referralId: first.id, outcome: 'admitted', officerId: 'uto-super-1', notes: 'traveller waited 20 minutes' });
    expect(db.prepare("SELECT decision FROM crossings WHERE id = ?").pluck().get(first.id)).toBe('refer');
    const trail = auditEvents(db).filter((event) => event.action.startsWith('referral-'));
    expect(trail.map((event) => [event.action, event.officerId, event.details])).toEqual([
      ['referral-take', 'uto-super-1', { referralId: first.id }],
      ['referral-take', 'uto-super-2', { referralId: first.id, from: 'uto-super-1' }],
      ['referral-take', 'uto-super-1', { referralId: first.id, from: 'uto-super-2' }],
      ['referral-resolve', 'uto-super-1', { recordId: resolved.id, referralId: first.id, outcome: 'admitted' }],
    ]);
    db.close();

    // The supervisor's CSV export says how second line resolved the referral, on the crossing's own row.
    const exported = await lastValueFrom(supervisor.stream('export.records', { since: new Date(Date.now() - 3_600_000).toISOString(), until: new Date(Date.now() + 1000).toISOString(), format: 'csv' }).pipe(toArray()));
    const [header = '', ...rows] = exported.map((event) => (event.kind === 'chunk' ? event.text : '')).join('').trim().split('\r\n');
    const columns = header.split(',');
    const firstRow = rows.find((row) => row.startsWith(first.id))?.split(',') ?? [];
    expect([firstRow[columns.indexOf('resolution')], firstRow[columns.indexOf('resolvedBy')]]).toEqual(['admitted', 'uto-super-1']);
    expect(rows.find((row) => row.startsWith(second.id))?.split(',')[columns.indexOf('resolution')]).toBe('');

    await deliveredAll(supervisor, [resolved]);
    expect(central.items(applianceId).find((item) => item.seq === resolved.seq)).toMatchObject({
      kind: 'resolution',
      record: { referralId: first.id, outcome: 'admitted', reason: admit.reason },
    });
    expect(central.rejected(applianceId)).toEqual([]);
    colleague.close();
  });

  it('flags a referral open longer than the configured time, and a voided one leaves the queue and cannot be taken', async () => {
    const central = await startTestCentral();
    const lane = await laneSyncingTo(central, {}, {}, { secondLine: { referralOverdueMinutes: 1 } });
    const { guard, supervisor } = lane;
    const { appliance } = lane;
    const referral = await refer(guard, 'U00000003');
    expect((await supervisor.call('referrals.queue', {}))[0]).toMatchObject({ id: referral.id, overdue: false });
    // A minute and a bit later, as the supervisor's screen asks again.
    const db = openDatabase(path.join(appliance.dataDir, DATABASE_FILE_NAME));
    const desk = new ReferralDesk(db, new AuditTrail(db, appliance.core.config.applianceId), appliance.core.config.applianceId, 1);
    const later = new Date(Date.parse(referral.recordedAt) + 61_000);
    expect(desk.queue(10, later)).toMatchObject([{ id: referral.id, overdue: true }]);
    db.close();
    await supervisor.call('crossings.void', { crossingId: referral.id, reason: 'referred the wrong traveller' });
    expect(await supervisor.call('referrals.queue', {})).toEqual([]);
    await expect(supervisor.call('referrals.take', { referralId: referral.id })).rejects.toMatchObject({ message: expect.stringContaining('voided') });
  });
});
