import { describe, expect, it, onTestFinished } from 'vitest';
import { launchChromium } from '../rigs/chromium.js';
import { startPtyPair } from '../rigs/socat.js';
import { inEveryLanguage, SCREEN_SIZES } from './support/in-every-language.js';
import { openLane, setUpTechnician, startLaneRig, travellerZone } from './support/lane-rig.js';

describe("end to end: the technician's Readers console in Chromium against `sahman serve` with pty readers", () => {
  it('adds a pty reader that becomes ready, watches its raw bytes with a pause, takes a test scan, then breaks the spec and is refused while the reader keeps working', async () => {
    const browser = await launchChromium();
    onTestFinished(() => browser.close());
    const rig = await startLaneRig();
    onTestFinished(() => rig.close());
    const desk = await startPtyPair();
    onTestFinished(() => desk.close());
    const page = await openLane(browser, rig.served.url);
    await setUpTechnician(page, rig.dataDir, '58302914');
    await page.getByRole('navigation').getByRole('link', { name: 'Readers' }).click();

    // Added from the form's fields; the core turns them into the spec line of config.json.
    await page.getByRole('button', { name: 'Add reader' }).click();
    await page.getByRole('textbox', { name: 'Reader ID' }).fill('desk-2');
    await page.getByRole('combobox', { name: 'Transport' }).selectOption('serial');
    await page.getByRole('textbox', { name: 'Port' }).fill(desk.hostPath);
    await page.getByLabel('Baud', { exact: true }).fill('115200');
    await page.getByRole('combobox', { name: 'Framing' }).selectOption('lines');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved; the reader restarts with the new spec.' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'desk-2' });
    await row.filter({ hasText: 'Ready' }).waitFor();
    await inEveryLanguage(page, 'readers-added', SCREEN_SIZES);

    // Raw bytes, noise included, as hex and as text; paused, they are counted but not shown.
    await page.getByRole('combobox', { name: 'Reader' }).selectOption('desk-2');
    const monitor = page.getByRole('region', { name: 'Raw monitor' });
    await monitor.getByText('Watching desk-2: no byte yet.').waitFor();
    await desk.write('\x00ok, reader alive\r\n');
    await monitor.getByText(/00 6f 6b 2c/).waitFor();
    await monitor.getByText('ok, reader alive', { exact: false }).first().waitFor();
    await monitor.getByRole('button', { name: 'Pause' }).click();
    await desk.write('while paused\r\n');
    await monitor.getByText('14 bytes while paused').waitFor();
    expect(await monitor.getByText('while paused', { exact: false }).filter({ hasNotText: 'bytes' }).count()).toBe(0);
    await inEveryLanguage(page, 'readers-raw-monitor-paused', SCREEN_SIZES);
    await monitor.getByRole('button', { name: 'Resume' }).click();

    // A test scan: the next document, parsed and timed, never recorded.
    const testScan = page.getByRole('region', { name: 'Test scan' });
    await testScan.getByRole('button', { name: 'Test scan' }).click();
    await testScan.getByText(/Waiting for a document on desk-2/).waitFor();
    await desk.write(`${travellerZone().join('\r\n')}\r\n`);
    await testScan.getByText('UT4821936').first().waitFor();
    await testScan.getByText(/Parse/).waitFor();
    await inEveryLanguage(page, 'readers-test-scan', SCREEN_SIZES);

    // Broken: refused with the reason beside the field, and the running reader goes on.
    await page.getByRole('button', { name: 'Edit desk-2' }).click();
    await page.getByLabel('Baud', { exact: true }).fill('fast');
    await page.getByRole('button', { name: 'Save' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'The core refused the spec' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('must be a whole number');
    await expect.poll(() => page.getByLabel('Baud', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await inEveryLanguage(page, 'readers-refused', SCREEN_SIZES);
    await row.filter({ hasText: 'Ready' }).waitFor();
    await desk.write('still reading\r\n');
    await monitor.getByText('still reading', { exact: false }).first().waitFor();
    await page.close();
  }, 180_000);
});
