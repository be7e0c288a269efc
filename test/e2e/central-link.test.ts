import { randomBytes } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import { loadOrCreateApplianceKey } from '../../main/core/keys/appliance-key.js';
import { startTestCentral } from '../rigs/central.js';
import { launchChromium } from '../rigs/chromium.js';
import { inEveryLanguage, SCREEN_SIZES } from './support/in-every-language.js';
import { openLane, setUpTechnician, startLaneRig } from './support/lane-rig.js';

describe("end to end: the technician's Central link in Chromium against `sahman serve` and a local central", () => {
  it("names the failing step: central's signature when central has another key than the one pinned, fixed from Settings (a malformed key refused by field first), the network once central has stopped; and shows what registration takes", async () => {
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

    // Fixed from the screen: a malformed key is refused beside its field, then central's own key is saved and in force at once.
    const settings = page.getByRole('region', { name: 'Settings' });
    const keyField = settings.getByRole('textbox', { name: "Central's public key" });
    await keyField.fill('not-a-key');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await settings.getByRole('alert').filter({ hasText: "Central's settings were not saved" }).waitFor();
    expect(await keyField.getAttribute('aria-invalid')).toBe('true');
    await inEveryLanguage(page, 'central-link-settings-refused', SCREEN_SIZES);
    await keyField.fill(central.centralPublicKeyBase64);
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await settings.getByRole('status').filter({ hasText: 'Saved; the relay reconnects with the new settings.' }).waitFor();
    await test.getByRole('button', { name: 'Test the link' }).click();
    await test.getByRole('status').filter({ hasText: 'Central answered as it should: every step passed.' }).waitFor();
    await inEveryLanguage(page, 'central-link-passing', SCREEN_SIZES);

    await central.close();
    await test.getByRole('button', { name: 'Test the link' }).click();
    await test.getByRole('alert').filter({ hasText: 'The link fails at: Network (TCP)' }).waitFor();
    expect(await test.getByRole('row', { name: /Network \(TCP\)/ }).textContent()).toMatch(/Failed.*ECONNREFUSED/);
    await inEveryLanguage(page, 'central-link-stopped', SCREEN_SIZES);
    await page.close();
  }, 120_000);
});
