import { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import { makeTestPki } from '../../rigs/test-ca.js';
import { startTestCentral } from '../../rigs/central.js';
import { tempDir } from '../../rigs/temp-dir.js';
import { makeAppliance, postBatch } from './signed-client.js';
import { batchOf, crossingItem } from './specimen-items.js';

/** An undici dispatcher with these TLS settings: the CA it pins, and the certificate it presents. */
function agent(connect: { ca: string; cert?: string; key?: string }): Agent {
  return new Agent({ connect });
}

describe('central over TLS', () => {
  it('serves https with its certificate, which a client pinning the CA accepts', async () => {
    const pki = makeTestPki(tempDir());
    const appliance = makeAppliance();
    const central = await startTestCentral({
      applianceId: appliance.applianceId,
      publicKeyBase64: appliance.publicKeyBase64,
      tls: { cert: pki.serverCertPem, key: pki.serverKeyPem },
    });
    expect(central.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const pinned = agent({ ca: pki.caCertPem });
    expect(await postBatch(central.url, appliance, batchOf([crossingItem(1)], 1), { dispatcher: pinned })).toMatchObject({ status: 200 });
    await pinned.close();
    const other = agent({ ca: pki.otherCaCertPem });
    await expect(postBatch(central.url, appliance, batchOf([crossingItem(1)], 1), { dispatcher: other })).rejects.toThrow();
    await other.close();
  });

  it('with a client CA, serves only clients presenting a certificate that CA issued (mutual TLS)', async () => {
    const pki = makeTestPki(tempDir());
    const appliance = makeAppliance();
    const central = await startTestCentral({
      applianceId: appliance.applianceId,
      publicKeyBase64: appliance.publicKeyBase64,
      tls: { cert: pki.serverCertPem, key: pki.serverKeyPem, clientCa: pki.caCertPem },
    });
    const noCertificate = agent({ ca: pki.caCertPem });
    await expect(postBatch(central.url, appliance, batchOf([crossingItem(1)], 1), { dispatcher: noCertificate })).rejects.toThrow();
    await noCertificate.close();

    const { readFileSync } = await import('node:fs');
    const strangerCertificate = agent({ ca: pki.caCertPem, cert: pki.otherCaCertPem, key: readFileSync(pki.files.otherCaKey, 'utf8') });
    await expect(postBatch(central.url, appliance, batchOf([crossingItem(1)], 1), { dispatcher: strangerCertificate })).rejects.toThrow();
    await strangerCertificate.close();
    expect(central.items(appliance.applianceId)).toEqual([]);

    const lane = agent({ ca: pki.caCertPem, cert: pki.clientCertPem, key: pki.clientKeyPem });
    expect(await postBatch(central.url, appliance, batchOf([crossingItem(1)], 1), { dispatcher: lane })).toMatchObject({ status: 200, body: { ackedThroughSeq: 1 } });
    await lane.close();
    expect(central.items(appliance.applianceId).map((item) => item.seq)).toEqual([1]);
  });
});
