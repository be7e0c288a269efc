import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticsBundle } from '../../../../main/common/contract/diagnostics.js';
import { formatMrz } from '../../../../main/common/icao/index.js';
import { startTestCentral } from '../../../rigs/central.js';
import { runSahman } from '../../../rigs/cli-in-process.js';
import { addOfficers } from '../../../rigs/officers.js';
import { SPECIMEN_PASSPORT } from '../../../rigs/specimens.js';
import { laneSyncingTo } from '../../../rigs/syncing-lane.js';
import { tempDir } from '../../../rigs/temp-dir.js';
import { connectClient } from '../../../rigs/ws-rpc.js';

/** Generated travellers with names and numbers that appear nowhere else. */
const TRAVELLERS = [
  { ...SPECIMEN_PASSPORT, documentNumber: 'QZ7310942', surname: 'VARDANYANQ', givenNames: 'ZARUHIQ' },
  { ...SPECIMEN_PASSPORT, documentNumber: 'QZ8820471', surname: 'KHACHIKYANQ', givenNames: 'TIGRANQ' },
];
const NOTES = 'traveller carried a wooden flute';

describe('the diagnostics bundle', () => {
  it('holds versions, config, database figures, reader and sync history and logs, and none of the names, numbers, zones or notes of the crossings recorded', async () => {
    const central = await startTestCentral();
    const { appliance, guard, supervisor } = await laneSyncingTo(central, {}, {}, { readers: [{ id: 'simulator', spec: 'sim:?interval=0' }] });
    central.registerKey(appliance.core.config.applianceId, appliance.core.key.publicKeyBase64);
    await addOfficers(appliance.dataDir, [{ id: 'uto-tech-2', pin: '828384', roles: ['technician'] }]);
    const { client: technician } = await connectClient(appliance.host.port, appliance.host.token);
    await technician.call('auth.login', { officerId: 'uto-tech-2', pin: '828384' });
    for (const [index, fields] of TRAVELLERS.entries()) {
      const assessment = await guard.call('capture.manualEntry', { format: 'TD3', fields });
      await guard.call('capture.record', { assessmentId: assessment.id, direction: 'entry', decision: index === 0 ? { outcome: 'admit', reasons: ['documents-in-order'] } : { outcome: 'refer', reasons: ['further-checks'] }, notes: NOTES });
    }
    const [referral] = await supervisor.call('referrals.queue', {});
    if (referral === undefined) throw new Error('no referral');
    await supervisor.call('referrals.take', { referralId: referral.id });
    await supervisor.call('referrals.resolve', { referralId: referral.id, outcome: 'admitted', reason: 'cleared after a short interview', notes: NOTES });
    await technician.call('readers.simulateScan', { readerId: 'simulator', kind: 'valid' });

    const live = await technician.call('diagnostics.bundle', {});
    const out = path.join(tempDir(), 'bundle.json');
    const written = await runSahman(['diagnostics', '--data', appliance.dataDir, '--out', out]);
    expect(written).toMatchObject({ code: 0, stderr: expect.stringContaining(out) });
    expect(statSync(out).mode & 0o077).toBe(0);
    const fromCli = DiagnosticsBundle.parse(JSON.parse(readFileSync(out, 'utf8')));

    for (const bundle of [live, fromCli]) {
      expect(bundle).toMatchObject({ format: 'sahman-diagnostics/1', applianceId: appliance.core.config.applianceId, versions: { node: process.versions.node } });
      expect(bundle.database.rows).toMatchObject({ crossings: 2, resolutions: 1 });
      expect(bundle.database.schemaVersion).toBe(11);
      expect(bundle.config.readers).toEqual([{ id: 'simulator', spec: 'sim:?interval=0' }]);
      const text = JSON.stringify(bundle);
      for (const traveller of TRAVELLERS) {
        for (const value of [traveller.documentNumber, traveller.surname, traveller.givenNames, ...formatMrz({ ...traveller, birthDate: '1974-08-12', expiryDate: '2032-04-15' }, 'TD3').split('\n')]) {
          expect(text, value).not.toContain(value);
        }
      }
      expect(text).not.toContain(NOTES);
      expect(text).not.toContain(SPECIMEN_PASSPORT.surname);
    }
    // The running appliance adds what only it knows: the relay's state and each reader's.
    expect(live.readers.now).toEqual([expect.objectContaining({ readerId: 'simulator' })]);
    expect(live.sync.status).toMatchObject({ deliveredThroughSeq: expect.any(Number) as unknown });
    expect(live.logs.lines.length).toBeGreaterThan(0);
    expect(live.readers.history.length).toBeGreaterThan(0);
    await expect(guard.call('diagnostics.bundle', {})).rejects.toMatchObject({ code: 'forbidden' });
  });
});
