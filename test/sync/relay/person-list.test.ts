import { describe, expect, it } from 'vitest';
import type { PersonListEntry } from '../../../main/common/contract/alert-lists.js';
import { startTestCentral } from '../../rigs/central.js';
import { SPECIMEN_PASSPORT } from '../../rigs/specimens.js';
import { laneSyncingTo, statusWhere } from '../../rigs/syncing-lane.js';

/** The ICAO specimen holder, as a national list might write her: Swedish orthography, a partial date. */
const SOUGHT: PersonListEntry = {
  id: 'UTO-W-2026-0042',
  surname: 'ERIKSSON',
  givenNames: 'ANNA MARIA',
  aliases: [{ surname: 'ERIKSDOTTIR', givenNames: 'ANNA' }],
  birthDate: '1974-08',
  nationality: 'UTO',
  sex: 'F',
  category: 'national-warrant',
  action: 'arrest',
};

describe('the person list from central', () => {
  it('reaches the lane as a signed delta: the traveller is a hit with its explanation, and the record names the entry', async () => {
    const central = await startTestCentral();
    central.central.store.deltas.publish('person-list', [{ key: SOUGHT.id, value: SOUGHT }], new Date());
    const { appliance, guard } = await laneSyncingTo(central, { publicKey: central.centralPublicKeyBase64 });
    central.registerKey(appliance.core.config.applianceId, appliance.core.key.publicKeyBase64);
    await expect
      .poll(async () => {
        const assessment = await guard.call('capture.manualEntry', { format: 'TD3', fields: { ...SPECIMEN_PASSPORT, surname: 'ERIKSON' } });
        return assessment.checks.find((check) => check.code === 'alert-list');
      }, { timeout: 10_000 })
      .toMatchObject({ outcome: 'alert', reason: 'person-listed', message: expect.stringContaining('national-warrant, action: arrest') });

    const listed = await guard.call('capture.manualEntry', { format: 'TD3', fields: SPECIMEN_PASSPORT });
    const [hit] = listed.personHits;
    expect(hit?.entry).toEqual(SOUGHT);
    expect(hit?.explanation).toMatchObject({ name: 'primary', birthDate: 'partial', swapped: false });
    expect(hit?.explanation.parts).toEqual(expect.arrayContaining([expect.objectContaining({ listed: 'ERIKSSON', presented: 'ERIKSSON', how: 'exact' })]));

    // Someone else with the same surname and another given name and birth date is not a hit.
    const other = await guard.call('capture.manualEntry', { format: 'TD3', fields: { ...SPECIMEN_PASSPORT, givenNames: 'KARIN', birthDate: '880203', documentNumber: 'UT0000017' } });
    expect(other.personHits).toEqual([]);
    expect(other.checks.find((check) => check.code === 'alert-list')).toMatchObject({ outcome: 'pass', reason: 'person-not-listed' });

    // An arrest hit: the guard acknowledges it and may only refer.
    await guard.call('capture.acknowledgeHits', { assessmentId: listed.id });
    const recorded = await guard.call('capture.record', { assessmentId: listed.id, direction: 'entry', decision: { outcome: 'refer', reasons: ['alert-list-hit'] } });
    await expect
      .poll(() => central.items(appliance.core.config.applianceId).find((item) => item.seq === recorded.seq)?.record, { timeout: 10_000 })
      .toMatchObject({ alertHits: [{ list: 'person-list', version: 1, entryId: SOUGHT.id, how: 'match' }] });

    // A removal from central takes the entry off the lane's list.
    central.central.store.deltas.publish('person-list', [{ key: SOUGHT.id, value: null }], new Date());
    await expect
      .poll(async () => (await guard.call('capture.manualEntry', { format: 'TD3', fields: SPECIMEN_PASSPORT })).personHits.length, { timeout: 10_000 })
      .toBe(0);
  });

  it('refuses a delta with a person filed under another id or an invalid entry, keeps nothing of it, and raises the alarm', async () => {
    const central = await startTestCentral();
    central.central.store.deltas.publish(
      'person-list',
      [
        { key: SOUGHT.id, value: SOUGHT },
        { key: 'UTO-W-OTHER', value: { ...SOUGHT, id: 'UTO-W-2026-0043' } },
      ],
      new Date(),
    );
    const { appliance, guard, supervisor } = await laneSyncingTo(central, { publicKey: central.centralPublicKeyBase64 });
    central.registerKey(appliance.core.config.applianceId, appliance.core.key.publicKeyBase64);
    const status = await statusWhere(supervisor, (s) => s.alarms.downlinkRefused !== null);
    expect(status.alarms.downlinkRefused).toMatch(/person-list: .*another id/);
    const assessment = await guard.call('capture.manualEntry', { format: 'TD3', fields: SPECIMEN_PASSPORT });
    expect(assessment.personHits).toEqual([]);
    expect(assessment.checks.find((check) => check.code === 'alert-list')).toMatchObject({ outcome: 'unavailable', reason: 'no-lists' });
  });

  it('asks the score that the lane’s config sets for the entry’s category', async () => {
    const central = await startTestCentral();
    central.central.store.deltas.publish('person-list', [{ key: SOUGHT.id, value: SOUGHT }], new Date());
    const { appliance, guard } = await laneSyncingTo(central, { publicKey: central.centralPublicKeyBase64 }, {}, { alerts: { maxListAgeHours: 24, personThresholds: { 'national-warrant': 0.95 } } });
    central.registerKey(appliance.core.config.applianceId, appliance.core.key.publicKeyBase64);
    // The exact name with the list's partial date scores 0.97: still a hit at 0.95.
    await expect
      .poll(async () => (await guard.call('capture.manualEntry', { format: 'TD3', fields: SPECIMEN_PASSPORT })).personHits.map((hit) => hit.score), { timeout: 10_000 })
      .toEqual([0.97]);
    // A typing slip in the surname is a hit at the default 0.75, but not at the 0.95 this lane asks of national warrants.
    const slipped = await guard.call('capture.manualEntry', { format: 'TD3', fields: { ...SPECIMEN_PASSPORT, surname: 'ERIKSSOM' } });
    expect(slipped.personHits).toEqual([]);
  });
});
