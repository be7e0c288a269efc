import { describe, expect, it } from 'vitest';
import { listDocuments } from '../rigs/document-list.js';
import { exportedCrossings, openLane, readerBytes, screenshot, setUpGuard, travellerZone } from './support/lane-rig.js';
import { laneSuite } from './support/lane-suite.js';

describe('end to end: a listed document at the lane', () => {
  const lane = laneSuite();

  it('shows the list entry beside the document, fails the check, and once the alert is acknowledged leaves only a referral', async () => {
    const page = await openLane(lane.browser(), lane.rig().served.url);
    await setUpGuard(page, lane.rig().dataDir, { id: 'uto-guard-9', name: 'Officer Utopia Nine', pin: '90123784' }, '71829356');
    listDocuments(lane.rig().dataDir, [{ issuingState: 'UTO', documentType: 'P', number: 'UT4821936', reason: 'stolen', source: 'UTO national police', reportedAt: '2026-03-14' }], 1);

    // Read with an O for the 0: the list still finds it, and says to compare the printed number.
    await lane.rig().pty.write(readerBytes(travellerZone({ documentNumber: 'UT482I936' })));
    const card = page.getByRole('region', { name: 'Document' });
    const listed = card.getByRole('region', { name: 'Listed document' });
    await listed.waitFor();
    expect(await listed.textContent()).toMatch(/Listed as stolen by UTO national police on March 14, 2026\. .*compare it with the printed page/);
    expect(await card.getByTestId('check-alert-list').getAttribute('data-outcome')).toBe('alert');
    await screenshot(page, 'lane-card-listed-document-en-1280x800');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('hy');
    await page.getByRole('region', { name: 'Հետախուզվող փաստաթուղթ' }).waitFor();
    await screenshot(page, 'lane-card-listed-document-hy-1280x800');
    await page.getByRole('combobox', { name: 'Լեզու' }).selectOption('en');

    // The hit holds the decisions: acknowledged, it still leaves only a referral.
    await card.getByRole('button', { name: 'Acknowledge alert' }).click();
    await card.getByText('Acknowledged by uto-guard-9').waitFor();
    expect(await page.getByRole('button', { name: 'Admit', exact: true }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Refer', exact: true }).click();
    await page.getByRole('dialog').getByRole('radio', { name: 'Alert-list hit' }).check();
    await page.getByRole('dialog').getByRole('button', { name: 'Refer' }).click();
    await expect.poll(() => exportedCrossings(lane.rig().dataDir).map((crossing) => [crossing.decision.outcome, crossing.alertHits])).toEqual([
      ['refer', [{ list: 'document-list', version: 1, entryId: 'UTO:UT4821936:P', how: 'ocr-equivalent' }]],
    ]);
    await page.close();
  }, 90_000);
});
