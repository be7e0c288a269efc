import { randomBytes } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import { loadOrCreateApplianceKey } from '../../main/core/keys/appliance-key.js';
import { startTestCentral } from '../rigs/central.js';
import { launchChromium } from '../rigs/chromium.js';
import { inEveryLanguage, SCREEN_SIZES } from './support/in-every-language.js';
import { openLane, setUpTechnician, startLaneRig } from './support/lane-rig.js';

describe("end to end: the technician's Central link in Chromium against `sahman serve` and a local central", () => {
  it("names the failing step: central's signature when central has another key than the one pinned, the network once central has stopped; and shows what registration takes", async () => {
    const browser = await launchChromium();
    onTestFinished(() => browser.close());
    const central = await startTestCentral();
    let publicKey = '';
    const rig = await startLaneRig(
      // A key that is not central's is pinned: every answer from central fails its signature.
      (config) => ({ ...config, central: { url: central.url, deliveryDeadlineMinutes: 15, publicKey: randomBytes(32).toString('base64') } }),
      (dataDir) => {
        publicKey = loadOrCreateApplianceKey(dataDir).publicKeyBase64;
        central.registerKey('uto-e2e-lane-3', publicKey);
      },
    );
    onTestFinished(() => rig.close());
    const page = await openLane(browser, rig.served.url);
    await setUpTechnician(page, rig.dataDir, '39201847');
    await page.getByRole('navigation').getByRole('link', { name: 'Central link' }).click();
    const registration = page.getByRole('region', { name: 'Registration' });
    await registration.getByText(`sahman central register-key --appliance uto-e2e-lane-3 --key ${publicKey}`).waitFor();
    await registration.getByRole('img', { name: 'QR code of the registration command for appliance uto-e2e-lane-3' }).waitFor();

    const test = page.getByRole('region', { name: 'Connectivity test' });
    await test.getByRole('button', { name: 'Test the link' }).click();
    await test.getByRole('alert').filter({ hasText: "The link fails at: Central's signature" }).waitFor();
    expect(await test.getByRole('row', { name: /Network \(TCP\)/ }).textContent()).toContain('Passed');
    await inEveryLanguage(page, 'central-link-wrong-key', SCREEN_SIZES);

    await central.close();
    await test.getByRole('button', { name: 'Test the link' }).click();
    await test.getByRole('alert').filter({ hasText: 'The link fails at: Network (TCP)' }).waitFor();
    expect(await test.getByRole('row', { name: /Network \(TCP\)/ }).textContent()).toMatch(/Failed.*ECONNREFUSED/);
    await inEveryLanguage(page, 'central-link-stopped', SCREEN_SIZES);
    await page.close();
  }, 120_000);
});
