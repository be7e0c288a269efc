import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ManualDocumentFields } from '../../../../main/common/contract/crossing.js';
import { readStoredVoid } from '../../../../main/core/capture/stored-records.js';
import type { RpcClient } from '../../../../main/common/rpc/client.js';
import { openDatabase } from '../../../../main/core/db/open-database.js';
import { DATABASE_FILE_NAME } from '../../../../main/core/store/open-store.js';
import { startInProcessAppliance } from '../../../rigs/in-process-appliance.js';
import { auditEvents } from '../../../rigs/audit-rows.js';
import { addOfficers } from '../../../rigs/officers.js';
import { connectClient } from '../../../rigs/ws-rpc.js';

/** A generated Utopian traveller: never a real person. */
function traveller(index: number): ManualDocumentFields {
  return {
    documentCode: 'P',
    issuingState: 'UTO',
    documentNumber: `UT${String(100000 + index)}`,
    nationality: 'UTO',
    birthDate: '800101',
    sex: index % 2 === 0 ? 'F' : 'M',
    expiryDate: '350101',
    surname: `TESTER${String.fromCharCode(65 + (index % 26))}`,
    givenNames: 'ALEX',
  };
}

async function signedIn(port: number, token: string, officerId: string, pin: string): Promise<RpcClient> {
  const { client } = await connectClient(port, token);
  await client.call('auth.login', { officerId, pin });
  return client;
}

async function record(guard: RpcClient, index: number, outcome: 'admit' | 'refuse' | 'refer') {
  const assessment = await guard.call('capture.manualEntry', { format: 'TD3', fields: traveller(index) });
  return guard.call('capture.record', {
    assessmentId: assessment.id,
    direction: 'entry',
    decision: { outcome, reasons: [outcome === 'admit' ? 'documents-in-order' : 'further-checks'] },
  });
}

describe("the supervisor's views and voids", () => {
  it('counts crossings per lane and hour, queues open referrals, and leaves voided ones out', async () => {
    const appliance = await startInProcessAppliance({ lane: 3 });
    await addOfficers(appliance.dataDir, [
      { id: 'uto-guard-1', pin: '111222', roles: ['guard'] },
      { id: 'uto-super-1', pin: '333444', roles: ['supervisor'] },
    ]);
    const guard = await signedIn(appliance.host.port, appliance.host.token, 'uto-guard-1', '111222');
    const supervisor = await signedIn(appliance.host.port, appliance.host.token, 'uto-super-1', '333444');
    await record(guard, 1, 'admit');
    await record(guard, 2, 'admit');
    await record(guard, 3, 'refuse');
    const referred = await record(guard, 4, 'refer');
    const mistaken = await record(guard, 5, 'refer');

    const referrals = await supervisor.call('referrals.queue', {});
    expect(referrals.map((referral) => referral.id)).toEqual([referred.id, mistaken.id]);
    expect(referrals[0]).toMatchObject({ lane: 3, officerId: 'uto-guard-1', document: { fields: { documentNumber: 'UT100004' } }, reasons: ['further-checks'], take: null, overdue: false });

    const voided = await supervisor.call('crossings.void', { crossingId: mistaken.id, reason: 'recorded for the wrong traveller' });
    expect((await supervisor.call('referrals.queue', {})).map((referral) => referral.id)).toEqual([referred.id]);
    // The void list shows the latest crossings first, the voided one with who voided it and why.
    const { crossings: recent, damaged } = await supervisor.call('crossings.recent', { limit: 3 });
    expect(damaged).toBe(0);
    expect(recent.map((crossing) => [crossing.id, crossing.outcome, crossing.voided?.reason ?? null])).toEqual([
      [mistaken.id, 'refer', 'recorded for the wrong traveller'],
      [referred.id, 'refer', null],
      [expect.any(String), 'refuse', null],
    ]);
    expect(recent[1]).toMatchObject({ lane: 3, officerId: 'uto-guard-1', documentNumber: 'UT100004', surname: 'TESTERE' });
    const activity = await supervisor.call('supervisor.laneActivity', { hours: 24 });
    // Summed, since the test may straddle the turn of an hour.
    const totals = activity.reduce(
      (sum, hour) => ({ admitted: sum.admitted + hour.admitted, refused: sum.refused + hour.refused, referred: sum.referred + hour.referred, entries: sum.entries + hour.entries, exits: sum.exits + hour.exits }),
      { admitted: 0, refused: 0, referred: 0, entries: 0, exits: 0 },
    );
    expect(activity.every((hour) => hour.lane === 3)).toBe(true);
    expect(totals).toEqual({ admitted: 2, refused: 1, referred: 1, entries: 4, exits: 0 });

    // The void is a record of its own, synced and audited; the crossing itself is untouched.
    const db = openDatabase(path.join(appliance.dataDir, DATABASE_FILE_NAME), { readonly: true });
    const stored = readStoredVoid(db.prepare('SELECT body FROM voids').pluck().get());
    expect(stored.ok && stored.record).toMatchObject({ id: voided.id, voidedId: mistaken.id, officerId: 'uto-super-1' });
    expect(db.prepare('SELECT kind FROM outbox WHERE seq = ?').pluck().get(voided.seq)).toBe('void');
    expect(db.prepare('SELECT count(*) FROM crossings').pluck().get()).toBe(5);
    const lastAudit = auditEvents(db).at(-1);
    expect(lastAudit).toMatchObject({ action: 'void', officerId: 'uto-super-1', details: { voidedId: mistaken.id } });
    db.close();

    await expect(supervisor.call('crossings.void', { crossingId: mistaken.id, reason: 'voiding it a second time' })).rejects.toMatchObject({
      code: 'invalid_params',
      message: expect.stringContaining('already voided'),
    });
    await expect(guard.call('crossings.void', { crossingId: referred.id, reason: 'a guard may not void records' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(supervisor.call('crossings.void', { crossingId: referred.id, reason: 'short' })).rejects.toMatchObject({ code: 'invalid_params' });
    guard.close();
    supervisor.close();
  });
});
