import { describe, expect, it } from 'vitest';
import { startTestCentral } from '../../rigs/central.js';
import { deliveredAll, laneSyncingTo, recordCrossings, statusWhere } from '../../rigs/syncing-lane.js';
import { tempDir } from '../../rigs/temp-dir.js';
import { makeTestPki } from '../../rigs/test-ca.js';

describe('sync over https', () => {
  it('delivers to a central whose certificate chains to the pinned CA, presenting the client certificate', async () => {
    const pki = makeTestPki(tempDir());
    const central = await startTestCentral({ tls: { cert: pki.serverCertPem, key: pki.serverKeyPem, clientCa: pki.caCertPem } });
    expect(central.url).toMatch(/^https:/);
    const { appliance, guard, supervisor } = await laneSyncingTo(central, {
      caFile: pki.files.caCert,
      clientCertFile: pki.files.clientCert,
      clientKeyFile: pki.files.clientKey,
    });
    central.registerKey(appliance.core.config.applianceId, appliance.core.key.publicKeyBase64);
    const recorded = await recordCrossings(guard, 2);
    await deliveredAll(supervisor, recorded);
    expect(central.items(appliance.core.config.applianceId).filter((item) => item.kind === 'crossing')).toHaveLength(2);
  });

  it('trusts no other CA: a central certified by another one gets nothing', async () => {
    const pki = makeTestPki(tempDir());
    const central = await startTestCentral({ tls: { cert: pki.serverCertPem, key: pki.serverKeyPem } });
    const { appliance, guard, supervisor } = await laneSyncingTo(central, { caFile: pki.files.otherCaCert });
    central.registerKey(appliance.core.config.applianceId, appliance.core.key.publicKeyBase64);
    await recordCrossings(guard, 1);
    const failing = await statusWhere(supervisor, (s) => s.state === 'backoff' && s.attempt >= 2);
    expect(failing.reason).toMatch(/CERT|certificate/i);
    expect(central.items(appliance.core.config.applianceId)).toEqual([]);
  });
});
