import { describe, expect, it } from 'vitest';
import { documentEntryId } from '../../../main/common/alerts/document-number.js';
import { startTestCentral } from '../../rigs/central.js';
import { SPECIMEN_STOLEN as STOLEN } from '../../rigs/document-list.js';
import { SPECIMEN_PASSPORT } from '../../rigs/specimens.js';
import { laneSyncingTo, statusWhere } from '../../rigs/syncing-lane.js';


describe('the document list from central', () => {
  it('reaches the lane as a signed delta, and the next listed document fails the alert-list check', async () => {
    const central = await startTestCentral();
    central.central.store.deltas.publish('document-list', [{ key: documentEntryId(STOLEN), value: STOLEN }], new Date());
    const { appliance, guard } = await laneSyncingTo(central, { publicKey: central.centralPublicKeyBase64 });
    central.registerKey(appliance.core.config.applianceId, appliance.core.key.publicKeyBase64);
    await expect
      .poll(async () => {
        const assessment = await guard.call('capture.manualEntry', { format: 'TD3', fields: SPECIMEN_PASSPORT });
        return assessment.checks.find((check) => check.code === 'alert-list');
      }, { timeout: 10_000 })
      .toMatchObject({ outcome: 'alert', reason: 'document-listed', message: expect.stringContaining('stolen (UTO national police, 2026-03-14)') });
    const other = await guard.call('capture.manualEntry', { format: 'TD3', fields: { ...SPECIMEN_PASSPORT, documentNumber: 'UT0000017' } });
    expect(other.checks.find((check) => check.code === 'alert-list')).toMatchObject({ outcome: 'pass', reason: 'document-not-listed' });

    // The guard refers the listed document; the record names the entry it matched (never a copy), and central takes it.
    const listed = await guard.call('capture.manualEntry', { format: 'TD3', fields: SPECIMEN_PASSPORT });
    expect(listed.documentHits).toEqual([{ entry: STOLEN, how: 'exact' }]);
    await guard.call('capture.acknowledgeHits', { assessmentId: listed.id });
    const recorded = await guard.call('capture.record', { assessmentId: listed.id, direction: 'entry', decision: { outcome: 'refer', reasons: ['alert-list-hit'] } });
    await expect
      .poll(() => central.items(appliance.core.config.applianceId).find((item) => item.seq === recorded.seq)?.record, { timeout: 10_000 })
      .toMatchObject({ alertHits: [{ list: 'document-list', version: 1, entryId: 'UTO:L898902C3:P', how: 'exact' }] });
  });

  it('refuses a delta with an entry filed under another id, keeps nothing of it, and raises the alarm', async () => {
    const central = await startTestCentral();
    central.central.store.deltas.publish(
      'document-list',
      [
        { key: documentEntryId(STOLEN), value: STOLEN },
        { key: 'UTO:SOMETHINGELSE:P', value: { ...STOLEN, number: 'UT0000017' } },
      ],
      new Date(),
    );
    const { appliance, guard, supervisor } = await laneSyncingTo(central, { publicKey: central.centralPublicKeyBase64 });
    central.registerKey(appliance.core.config.applianceId, appliance.core.key.publicKeyBase64);
    const status = await statusWhere(supervisor, (s) => s.alarms.downlinkRefused !== null);
    expect(status.alarms.downlinkRefused).toMatch(/document-list: .*another id/);
    const assessment = await guard.call('capture.manualEntry', { format: 'TD3', fields: SPECIMEN_PASSPORT });
    expect(assessment.checks.find((check) => check.code === 'alert-list')).toMatchObject({ outcome: 'unavailable', reason: 'no-lists' });
  });
});
