import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Decision, ManualDocumentFields } from '../../../../main/common/contract/crossing.js';
import type { RpcClient } from '../../../../main/common/rpc/client.js';
import { readStoredCrossing } from '../../../../main/core/capture/stored-records.js';
import { openDatabase } from '../../../../main/core/db/open-database.js';
import { DATABASE_FILE_NAME } from '../../../../main/core/store/open-store.js';
import { auditEvents } from '../../../rigs/audit-rows.js';
import { listDocuments } from '../../../rigs/document-list.js';
import { addOfficers } from '../../../rigs/officers.js';
import { startInProcessAppliance } from '../../../rigs/in-process-appliance.js';
import { connectClient } from '../../../rigs/ws-rpc.js';

/** A generated Utopian traveller: never a real person. */
function traveller(documentNumber: string): ManualDocumentFields {
  return {
    documentCode: 'P',
    issuingState: 'UTO',
    documentNumber,
    nationality: 'UTO',
    birthDate: '800101',
    sex: 'F',
    expiryDate: '350101',
    surname: 'TESTER',
    givenNames: 'ALEX',
  };
}

async function signedIn(port: number, token: string, officerId: string, pin: string): Promise<RpcClient> {
  const { client } = await connectClient(port, token);
  await client.call('auth.login', { officerId, pin });
  return client;
}

const LISTED = { issuingState: 'UTO', documentType: 'P', number: 'UT7000001', reason: 'stolen', source: 'UTO national police', reportedAt: '2026-03-14' } as const;
const ADMIT: Decision = { outcome: 'admit', reasons: ['documents-in-order'] };
const REFER: Decision = { outcome: 'refer', reasons: ['alert-list-hit'] };

async function lane() {
  const appliance = await startInProcessAppliance({ lane: 4 });
  await addOfficers(appliance.dataDir, [
    { id: 'uto-guard-1', pin: '111222', roles: ['guard'] },
    { id: 'uto-super-1', pin: '333444', roles: ['supervisor'] },
  ]);
  listDocuments(appliance.dataDir, [LISTED, { ...LISTED, number: 'UT7000002' }], 3);
  const { port, token } = appliance.host;
  return {
    appliance,
    guard: await signedIn(port, token, 'uto-guard-1', '111222'),
    supervisor: await signedIn(port, token, 'uto-super-1', '333444'),
    db: () => openDatabase(path.join(appliance.dataDir, DATABASE_FILE_NAME), { readonly: true }),
  };
}

describe('alert-list hits: acknowledged by the guard, held to refer, overridden by a supervisor, queued and reviewed', () => {
  it('refuses a decision before acknowledgement and an admission on a refer hit; records the referral with the hit; queues and closes it', async () => {
    const { guard, supervisor, db } = await lane();
    const assessment = await guard.call('capture.manualEntry', { format: 'TD3', fields: traveller('UT7000001') });
    expect(assessment.documentHits).toHaveLength(1);

    const record = (decision: Decision) => guard.call('capture.record', { assessmentId: assessment.id, direction: 'entry', decision });
    await expect(record(REFER)).rejects.toMatchObject({ code: 'hits_unacknowledged', message: expect.stringContaining('acknowledge') });

    // At the lane and undecided: already in the supervisor's queue, with the entry and how it matched.
    const atLane = await supervisor.call('alerts.openHits', {});
    expect(atLane).toMatchObject([
      {
        assessmentId: assessment.id,
        state: 'at-lane',
        lane: 4,
        crossingId: null,
        acknowledged: null,
        hit: { id: 'document-list:UTO:UT7000001:P', list: 'document-list', version: 3, entryId: 'UTO:UT7000001:P', how: 'exact', action: 'refer', subject: { kind: 'document', hit: { entry: LISTED } } },
      },
    ]);

    const held = await guard.call('capture.acknowledgeHits', { assessmentId: assessment.id });
    expect(held).toMatchObject({ hold: 'refer', acknowledged: { officerId: 'uto-guard-1' }, override: null });
    expect(held.hits.map((hit) => hit.id)).toEqual(['document-list:UTO:UT7000001:P']);
    // Acknowledged again: the same answer, nothing written twice.
    expect(await guard.call('capture.acknowledgeHits', { assessmentId: assessment.id })).toEqual(held);

    await expect(record(ADMIT)).rejects.toMatchObject({ code: 'referral_required', message: expect.stringContaining('supervisor') });
    await expect(guard.call('capture.record', { assessmentId: assessment.id, direction: 'entry', decision: { outcome: 'refuse', reasons: ['alert-list-hit'] } })).rejects.toMatchObject({
      code: 'referral_required',
    });
    // Only a supervisor may override, and the reviews wait for the lane's decision.
    await expect(guard.call('alerts.override', { assessmentId: assessment.id, reason: 'the guard would like to admit' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(guard.call('alerts.openHits', {})).rejects.toMatchObject({ code: 'forbidden' });
    await expect(supervisor.call('alerts.review', { assessmentId: assessment.id, hitId: held.hits[0]?.id ?? '', finding: 'confirmed' })).rejects.toMatchObject({
      code: 'invalid_params',
      message: expect.stringContaining('not decided'),
    });

    const referral = await record(REFER);
    const queued = await supervisor.call('alerts.openHits', {});
    expect(queued).toMatchObject([{ assessmentId: assessment.id, state: 'referred', crossingId: referral.id, acknowledged: { officerId: 'uto-guard-1' } }]);

    const reviewed = await supervisor.call('alerts.review', { assessmentId: assessment.id, hitId: 'document-list:UTO:UT7000001:P', finding: 'confirmed', note: 'passport seized at second line' });
    expect(reviewed).toMatchObject({ state: 'referred', crossingId: referral.id });
    expect(await supervisor.call('alerts.openHits', {})).toEqual([]);
    await expect(supervisor.call('alerts.review', { assessmentId: assessment.id, hitId: 'document-list:UTO:UT7000001:P', finding: 'confirmed' })).rejects.toMatchObject({
      code: 'invalid_params',
      message: expect.stringContaining('already been reviewed'),
    });

    const store = db();
    const stored = readStoredCrossing(store.prepare('SELECT body FROM crossings WHERE id = ?').pluck().get(referral.id));
    expect(stored.ok && stored.record).toMatchObject({ decision: REFER, alertHits: [{ list: 'document-list', version: 3, entryId: 'UTO:UT7000001:P', how: 'exact' }] });
    expect(stored.ok && stored.record.alertOverride).toBeUndefined();
    // What the screen showed is gone once reviewed: the row keeps the list, version and entry id.
    expect(store.prepare('SELECT shown, finding, reviewed_by, review_note FROM alert_hits').all()).toEqual([
      { shown: null, finding: 'confirmed', reviewed_by: 'uto-super-1', review_note: 'passport seized at second line' },
    ]);
    const trail = auditEvents(store).filter((event) => event.action.startsWith('alert-'));
    const hit = { assessmentId: assessment.id, list: 'document-list', version: 3, entryId: 'UTO:UT7000001:P', action: 'refer', how: 'exact' };
    expect(trail.map(({ action, officerId, details }) => ({ action, officerId, details }))).toEqual([
      { action: 'alert-hit', officerId: 'uto-guard-1', details: hit },
      { action: 'alert-acknowledge', officerId: 'uto-guard-1', details: hit },
      { action: 'alert-review', officerId: 'uto-super-1', details: { ...hit, finding: 'confirmed' } },
    ]);
    // The trail names the entry, never the traveller.
    expect(JSON.stringify(trail)).not.toContain('TESTER');
    store.close();
    guard.close();
    supervisor.close();
  });

  it("admits after a supervisor's override, and the record carries who and why; the decided hit leaves the queue", async () => {
    const { guard, supervisor, db } = await lane();
    const assessment = await guard.call('capture.manualEntry', { format: 'TD3', fields: traveller('UT7000002') });
    await guard.call('capture.acknowledgeHits', { assessmentId: assessment.id });
    await expect(supervisor.call('alerts.override', { assessmentId: assessment.id, reason: 'short' })).rejects.toMatchObject({ code: 'invalid_params' });
    const reason = 'the owner reported it found; central confirmed by phone';
    const overridden = await supervisor.call('alerts.override', { assessmentId: assessment.id, reason });
    expect(overridden).toMatchObject({ hold: 'none', override: { officerId: 'uto-super-1', reason } });
    // The lane reads the override a supervisor gave from their own screen.
    expect(await guard.call('capture.hitHold', { assessmentId: assessment.id })).toEqual(overridden);
    await expect(supervisor.call('alerts.override', { assessmentId: assessment.id, reason })).rejects.toMatchObject({ code: 'invalid_params', message: expect.stringContaining('already') });
    expect(await supervisor.call('alerts.openHits', {})).toMatchObject([{ assessmentId: assessment.id, state: 'at-lane', override: { officerId: 'uto-super-1', reason } }]);

    const admitted = await guard.call('capture.record', { assessmentId: assessment.id, direction: 'entry', decision: ADMIT });
    expect(await supervisor.call('alerts.openHits', {})).toEqual([]);
    const store = db();
    const stored = readStoredCrossing(store.prepare('SELECT body FROM crossings WHERE id = ?').pluck().get(admitted.id));
    expect(stored.ok && stored.record).toMatchObject({ decision: ADMIT, alertOverride: { officerId: 'uto-super-1', reason }, alertHits: [{ entryId: 'UTO:UT7000002:P' }] });
    const override = auditEvents(store).find((event) => event.action === 'alert-override');
    expect(override).toMatchObject({ officerId: 'uto-super-1', details: { assessmentId: assessment.id, hits: 1, reasonSha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(JSON.stringify(override)).not.toContain('phone');
    store.close();
    guard.close();
    supervisor.close();
  });

  it('leaves a document without hits as it was, and refuses to override where no hit demands a referral', async () => {
    const { guard, supervisor } = await lane();
    const assessment = await guard.call('capture.manualEntry', { format: 'TD3', fields: traveller('UT7000009') });
    expect(await guard.call('capture.acknowledgeHits', { assessmentId: assessment.id })).toMatchObject({ hold: 'none', hits: [] });
    await expect(supervisor.call('alerts.override', { assessmentId: assessment.id, reason: 'nothing to override here' })).rejects.toMatchObject({ code: 'invalid_params' });
    await guard.call('capture.record', { assessmentId: assessment.id, direction: 'entry', decision: ADMIT });
    await expect(guard.call('capture.acknowledgeHits', { assessmentId: assessment.id })).rejects.toMatchObject({ code: 'invalid_params' });
    expect(await supervisor.call('alerts.openHits', {})).toEqual([]);
    guard.close();
    supervisor.close();
  });
});
