import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCentral } from '../../../sync/central/central-cli.js';
import { deltaSigningPayload, ed25519PublicKey, verifyEd25519 } from '../../../sync/protocol/signing.js';
import { SignedDelta, paths, type DeltaKind } from '../../../sync/protocol/wire.js';
import { startTestCentral, type TestCentral } from '../../rigs/central.js';
import { tempDir } from '../../rigs/temp-dir.js';
import { getSigned, makeAppliance } from './signed-client.js';

async function publish(dataDir: string, kind: DeltaKind, changes: unknown): Promise<number> {
  const file = path.join(tempDir(), 'changes.json');
  writeFileSync(file, JSON.stringify(changes));
  const out = new PassThrough();
  return runCentral(['publish', '--kind', kind, '--file', file, '--data', dataDir], { stdout: out, stderr: out });
}

function verifies(central: TestCentral, applianceId: string, delta: SignedDelta): boolean {
  return verifyEd25519(ed25519PublicKey(central.centralPublicKeyBase64), deltaSigningPayload(applianceId, delta), delta.signature);
}

describe("central's deltas", () => {
  it('serves the changes since a version, merged by key with the latest winning, sorted, and signed for the appliance', async () => {
    const appliance = makeAppliance();
    const central = await startTestCentral({ applianceId: appliance.applianceId, publicKeyBase64: appliance.publicKeyBase64 });
    expect(await publish(central.dataDir, 'alert-list', [{ key: 'UTO:L898902C3', value: { reason: 'stolen' } }, { key: 'UTO:A1', value: { reason: 'lost' } }])).toBe(0);
    expect(await publish(central.dataDir, 'alert-list', [{ key: 'UTO:A1', value: null }, { key: 'UTO:B2', value: { reason: 'lost' } }])).toBe(0);
    expect(await publish(central.dataDir, 'visa-rules', [{ key: 'UTO', value: 'visa-free' }])).toBe(0);

    const all = await getSigned(central.url, appliance, `${paths.deltas(appliance.applianceId)}?kind=alert-list&since=0`);
    expect(all.status).toBe(200);
    const delta = SignedDelta.parse(all.body);
    expect(delta).toMatchObject({
      kind: 'alert-list',
      fromVersion: 0,
      toVersion: 2,
      changes: [
        { key: 'UTO:A1', value: null },
        { key: 'UTO:B2', value: { reason: 'lost' } },
        { key: 'UTO:L898902C3', value: { reason: 'stolen' } },
      ],
    });
    expect(verifies(central, appliance.applianceId, delta)).toBe(true);
    // Signed for this appliance: replayed to another, it does not verify.
    expect(verifies(central, 'uto-lane-2', delta)).toBe(false);
    expect(verifies(central, appliance.applianceId, { ...delta, toVersion: 3 })).toBe(false);

    const since1 = SignedDelta.parse((await getSigned(central.url, appliance, `${paths.deltas(appliance.applianceId)}?kind=alert-list&since=1`)).body);
    expect(since1).toMatchObject({ fromVersion: 1, toVersion: 2, changes: [{ key: 'UTO:A1', value: null }, { key: 'UTO:B2', value: { reason: 'lost' } }] });
    const upToDate = SignedDelta.parse((await getSigned(central.url, appliance, `${paths.deltas(appliance.applianceId)}?kind=alert-list&since=2`)).body);
    expect(upToDate).toMatchObject({ fromVersion: 2, toVersion: 2, changes: [] });
    expect(verifies(central, appliance.applianceId, upToDate)).toBe(true);
    const config = SignedDelta.parse((await getSigned(central.url, appliance, `${paths.deltas(appliance.applianceId)}?kind=config&since=0`)).body);
    expect(config).toMatchObject({ kind: 'config', fromVersion: 0, toVersion: 0, changes: [] });
  });

  it.each([
    ['no kind', '?since=0'],
    ['an unknown kind', '?kind=weather&since=0'],
    ['no since', '?kind=config'],
    ['a negative since', '?kind=config&since=-1'],
    ['a since beyond the latest version', '?kind=config&since=5'],
  ])('refuses %s with 400 invalid_batch (a malformed request)', async (_name, query) => {
    const appliance = makeAppliance();
    const central = await startTestCentral({ applianceId: appliance.applianceId, publicKeyBase64: appliance.publicKeyBase64 });
    expect(await getSigned(central.url, appliance, `${paths.deltas(appliance.applianceId)}${query}`)).toMatchObject({ status: 400, body: { error: 'invalid_batch' } });
  });

  it('keeps the later of two changes to one key in the same publish', async () => {
    const appliance = makeAppliance();
    const central = await startTestCentral({ applianceId: appliance.applianceId, publicKeyBase64: appliance.publicKeyBase64 });
    expect(await publish(central.dataDir, 'config', [{ key: 'lane', value: 1 }, { key: 'lane', value: 2 }])).toBe(0);
    const delta = SignedDelta.parse((await getSigned(central.url, appliance, `${paths.deltas(appliance.applianceId)}?kind=config&since=0`)).body);
    expect(delta.changes).toEqual([{ key: 'lane', value: 2 }]);
  });
});
