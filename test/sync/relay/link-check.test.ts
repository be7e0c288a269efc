import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadOrCreateApplianceKey } from '../../../main/core/keys/appliance-key.js';
import { checkCentralLink, type LinkCheckOptions } from '../../../sync/relay/link-check.js';
import { startTestCentral } from '../../rigs/central.js';
import { makeTestPki } from '../../rigs/test-ca.js';
import { tempDir } from '../../rigs/temp-dir.js';

const APPLIANCE = 'uto-link-lane';

async function registeredLane(options: Parameters<typeof startTestCentral>[0] = {}) {
  const central = await startTestCentral(options);
  const key = loadOrCreateApplianceKey(tempDir());
  central.registerKey(APPLIANCE, key.publicKeyBase64);
  const base: LinkCheckOptions = { url: central.url, applianceId: APPLIANCE, signer: key, tls: {}, centralPublicKey: central.centralPublicKeyBase64, timeoutMs: 3_000 };
  return { central, key, base };
}

const outcomes = (check: Awaited<ReturnType<typeof checkCentralLink>>) => Object.fromEntries(check.steps.map((step) => [step.step, step.outcome]));

describe('the link test to central', () => {
  it('passes every step against a central that knows the appliance, TLS steps skipped over plain http', async () => {
    const { base } = await registeredLane();
    const check = await checkCentralLink(base);
    expect(check.failedStep).toBeNull();
    expect(outcomes(check)).toEqual({ dns: 'ok', tcp: 'ok', tls: 'skipped', certificate: 'skipped', http: 'ok', signature: 'ok', clock: 'ok' });
  });

  it('names TCP for a stopped central, HTTP for a key central does not know, the signature for a central with another key, and the clock when it is off', async () => {
    const { central, base } = await registeredLane();
    const wrongKey = await checkCentralLink({ ...base, centralPublicKey: randomBytes(32).toString('base64') });
    expect(wrongKey.failedStep).toBe('signature');
    expect(wrongKey.steps.find((step) => step.step === 'signature')?.detail).toMatch(/pinned central key/);
    const stranger = await checkCentralLink({ ...base, signer: loadOrCreateApplianceKey(tempDir()) });
    expect(stranger).toMatchObject({ failedStep: 'http' });
    expect(stranger.steps.find((step) => step.step === 'http')?.detail).toMatch(/401.*register/);
    const late = await checkCentralLink({ ...base, now: () => new Date(Date.now() + 10 * 60_000) });
    expect(late.failedStep).toBe('clock');
    await central.close();
    const stopped = await checkCentralLink(base);
    expect(stopped.failedStep).toBe('tcp');
    expect(stopped.steps.find((step) => step.step === 'tcp')?.detail).toMatch(/ECONNREFUSED/);
    expect(outcomes(stopped)).toMatchObject({ dns: 'ok', http: 'skipped', clock: 'skipped' });
  });

  it('names DNS for a name that does not resolve', async () => {
    const { base } = await registeredLane();
    const check = await checkCentralLink({ ...base, url: 'http://sahman-central.invalid:8787/' });
    expect(check.failedStep).toBe('dns');
  });

  it("over https: passes with central's CA pinned, and names the certificate with another CA or none", async () => {
    const pki = makeTestPki(tempDir());
    const { base } = await registeredLane({ tls: { cert: pki.serverCertPem, key: pki.serverKeyPem } });
    expect(base.url).toMatch(/^https:/);
    const pinned = await checkCentralLink({ ...base, tls: { ca: pki.caCertPem } });
    expect(pinned.failedStep).toBeNull();
    expect(outcomes(pinned)).toMatchObject({ tls: 'ok', certificate: 'ok' });
    const other = await checkCentralLink({ ...base, tls: { ca: pki.otherCaCertPem } });
    expect(other.failedStep).toBe('certificate');
    expect(other.steps.find((step) => step.step === 'certificate')?.detail).toMatch(/not trusted/);
  });
});
