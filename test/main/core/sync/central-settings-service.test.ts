import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { RpcClient } from '../../../../main/common/rpc/client.js';
import { openDatabase } from '../../../../main/core/db/open-database.js';
import { DATABASE_FILE_NAME } from '../../../../main/core/store/open-store.js';
import { startTestCentral } from '../../../rigs/central.js';
import { auditEvents } from '../../../rigs/audit-rows.js';
import { startInProcessAppliance } from '../../../rigs/in-process-appliance.js';
import { connectInProcess } from '../../../rigs/in-process-rpc.js';
import { addOfficers } from '../../../rigs/officers.js';
import { freePort } from '../../../rigs/free-port.js';
import { makeTestPki } from '../../../rigs/test-ca.js';

const TECHNICIAN = { id: 'uto-tech-8', pin: '314271', roles: ['technician'] as const };

function centralSection(dataDir: string): unknown {
  return (JSON.parse(readFileSync(path.join(dataDir, 'config.json'), 'utf8')) as { central: unknown }).central;
}

async function technician(appliance: Awaited<ReturnType<typeof startInProcessAppliance>>): Promise<RpcClient> {
  await addOfficers(appliance.dataDir, [TECHNICIAN]);
  const client = connectInProcess(appliance.core, 'technician');
  onTestFinished(() => {
    client.close();
  });
  await client.call('auth.login', { officerId: TECHNICIAN.id, pin: TECHNICIAN.pin });
  return client;
}

describe("the technician's central settings", () => {
  it('puts new settings in force without a restart: the relay delivers to the new central, the link test passes, the change is audited', async () => {
    const nobody = `http://127.0.0.1:${String(await freePort())}/`;
    const appliance = await startInProcessAppliance({ central: { url: nobody, deliveryDeadlineMinutes: 15 } });
    const tech = await technician(appliance);
    const central = await startTestCentral({ applianceId: 'uto-test-lane', publicKeyBase64: appliance.core.key.publicKeyBase64 });
    await expect(tech.call('central.linkTest', {})).resolves.toMatchObject({ failedStep: 'tcp' });

    const saved = await tech.call('central.saveSettings', { url: central.url, publicKey: central.centralPublicKeyBase64, caFile: '  ', deliveryDeadlineMinutes: 20 });
    expect(saved).toEqual({ settings: { url: central.url, publicKey: central.centralPublicKeyBase64, deliveryDeadlineMinutes: 20 }, relayRestarted: true });
    expect(centralSection(appliance.dataDir)).toEqual({ url: central.url, publicKey: central.centralPublicKeyBase64, deliveryDeadlineMinutes: 20 });
    await expect(tech.call('central.settings', {})).resolves.toEqual(saved.settings);
    // The sign-in's audit events waited in the outbox; the restarted relay delivers them.
    await expect.poll(() => central.items('uto-test-lane').length, { timeout: 15_000 }).toBeGreaterThan(0);
    await expect(tech.call('central.linkTest', {})).resolves.toMatchObject({ failedStep: null });
    await expect(tech.call('central.registration', {})).resolves.toMatchObject({ centralUrl: central.url, centralKeyPinned: true });

    const db = openDatabase(path.join(appliance.dataDir, DATABASE_FILE_NAME));
    try {
      const event = auditEvents(db).find((entry) => entry.action === 'central-settings');
      expect(event).toMatchObject({ officerId: TECHNICIAN.id, details: { url: central.url, publicKeyPinned: true, deliveryDeadlineMinutes: 20 } });
    } finally {
      db.close();
    }
  });

  it('refuses bad settings field by field and keeps the ones in force', async () => {
    const appliance = await startInProcessAppliance();
    const tech = await technician(appliance);
    const before = centralSection(appliance.dataDir);
    const refused = async (settings: Parameters<RpcClient['call']>[1]): Promise<string[]> => {
      try {
        await tech.call('central.saveSettings', settings as never);
      } catch (error) {
        const issues = (error as { details?: { issues?: { option: string }[] } }).details?.issues ?? [];
        return issues.map((issue) => issue.option);
      }
      throw new Error('saved');
    };
    expect(await refused({ url: 'ftp://central.example/', publicKey: 'not a key', deliveryDeadlineMinutes: 15 })).toEqual(expect.arrayContaining(['url', 'publicKey']));
    expect(await refused({ url: 'https://central.example/', clientCertFile: 'client.pem', deliveryDeadlineMinutes: 15 })).toEqual(['clientKeyFile']);
    expect(await refused({ url: 'https://central.example/', caFile: 'missing-ca.pem', deliveryDeadlineMinutes: 15 })).toEqual(['caFile']);
    writeFileSync(path.join(appliance.dataDir, 'notes.txt'), 'not a certificate');
    expect(await refused({ url: 'https://central.example/', caFile: 'notes.txt', deliveryDeadlineMinutes: 15 })).toEqual(['caFile']);
    writeFileSync(path.join(appliance.dataDir, 'broken-ca.pem'), '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    expect(await refused({ url: 'https://central.example/', caFile: 'broken-ca.pem', deliveryDeadlineMinutes: 15 })).toEqual(['caFile']);
    expect(await refused({ url: 'http://central.example/', caFile: 'notes.txt', deliveryDeadlineMinutes: 15 })).toEqual(['caFile', 'caFile']);
    // Real TLS material: accepted whole, but a client key that is not the certificate's is refused.
    const pki = makeTestPki(appliance.dataDir);
    expect(await refused({ url: 'https://central.example/', caFile: pki.files.caCert, clientCertFile: pki.files.clientCert, clientKeyFile: pki.files.serverKey, deliveryDeadlineMinutes: 15 })).toEqual(['clientKeyFile']);
    expect(centralSection(appliance.dataDir)).toEqual(before);
    await tech.call('central.saveSettings', { url: 'https://central.example/', caFile: pki.files.caCert, clientCertFile: pki.files.clientCert, clientKeyFile: pki.files.clientKey, deliveryDeadlineMinutes: 15 });
    expect(centralSection(appliance.dataDir)).toMatchObject({ caFile: pki.files.caCert, clientKeyFile: pki.files.clientKey });
  });
});
