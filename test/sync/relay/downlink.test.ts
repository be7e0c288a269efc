import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startTestCentral } from '../../rigs/central.js';
import { SPECIMEN_PASSPORT } from '../../rigs/specimens.js';
import { laneSyncingTo, statusWhere } from '../../rigs/syncing-lane.js';

function someOtherKey(): string {
  const jwk = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
  return Buffer.from(jwk.x ?? '', 'base64url').toString('base64');
}

describe('reference data from central', () => {
  it('applies signed visa rules at once, so the next document is checked against them', async () => {
    const central = await startTestCentral();
    central.central.store.deltas.publish('visa-rules', [{ key: 'UTO', value: 'visa-required' }], new Date());
    const { appliance, guard } = await laneSyncingTo(central, { publicKey: central.centralPublicKeyBase64 });
    central.registerKey(appliance.core.config.applianceId, appliance.core.key.publicKeyBase64);
    await expect
      .poll(async () => {
        const assessment = await guard.call('capture.manualEntry', { format: 'TD3', fields: SPECIMEN_PASSPORT });
        return assessment.checks.find((check) => check.code === 'visa');
      }, { timeout: 10_000 })
      .toMatchObject({ outcome: 'alert', reason: 'visa-required' });
  });

  it('refuses a delta that does not verify against the pinned central key, and raises the alarm', async () => {
    const central = await startTestCentral();
    central.central.store.deltas.publish('visa-rules', [{ key: 'UTO', value: 'visa-required' }], new Date());
    const { appliance, guard, supervisor } = await laneSyncingTo(central, { publicKey: someOtherKey() });
    central.registerKey(appliance.core.config.applianceId, appliance.core.key.publicKeyBase64);
    const status = await statusWhere(supervisor, (s) => s.alarms.downlinkRefused !== null);
    // Every kind is refused alike; the alarm names whichever refusal came last.
    expect(status.alarms.downlinkRefused).toMatch(/(visa-rules|document-list|person-list|alert-list|config): .*signature/);
    const assessment = await guard.call('capture.manualEntry', { format: 'TD3', fields: SPECIMEN_PASSPORT });
    expect(assessment.checks.find((check) => check.code === 'visa')).toMatchObject({ outcome: 'unavailable' });
  });
});
