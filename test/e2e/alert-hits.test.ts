import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { listDocuments } from '../rigs/document-list.js';
import { inEveryLanguage, SCREEN_SIZES } from './support/in-every-language.js';
import { changePin, createOfficer, exportedCrossings, openLane, readerBytes, setUpTechnician, signIn, signOut, travellerZone } from './support/lane-rig.js';
import { laneSuite } from './support/lane-suite.js';
import { connectClient } from '../rigs/ws-rpc.js';

async function firstSignIn(page: Page, id: string, oneTime: string, pin: string): Promise<void> {
  await signIn(page, id, oneTime);
  await changePin(page, oneTime, pin);
  await page.getByRole('region', { name: 'Document' }).getByText('Present a document').waitFor();
}

describe('end to end: an alert-list hit at the lane', () => {
  const lane = laneSuite();

  it('holds the guard to acknowledge, then to refer; a supervisor overrides with a reason and the record carries it', async () => {
    const { dataDir } = lane.rig();
    const page = await openLane(lane.browser(), lane.rig().served.url);
    await setUpTechnician(page, dataDir, '71829356');
    const guardPin = await createOfficer(page, 'uto-guard-7', 'Officer Utopia Seven', ['Guard']);
    const supervisorPin = await createOfficer(page, 'uto-super-7', 'Officer Utopia Super', ['Guard', 'Supervisor']);
    await signOut(page);
    listDocuments(
      dataDir,
      [
        { issuingState: 'UTO', documentType: 'P', number: 'UT4821936', reason: 'stolen', source: 'UTO national police', reportedAt: '2026-03-14' },
        { issuingState: 'UTO', documentType: 'P', number: 'UT5550001', reason: 'lost', source: 'UTO national police', reportedAt: '2026-05-02' },
        { issuingState: 'UTO', documentType: 'P', number: 'UT5550002', reason: 'revoked', source: 'UTO passport office', reportedAt: '2026-06-20' },
      ],
      2,
    );

    // The guard: nothing can be decided until the alert is acknowledged.
    await firstSignIn(page, 'uto-guard-7', guardPin, '90123784');
    await lane.rig().pty.write(readerBytes(travellerZone()));
    const card = page.getByRole('region', { name: 'Document' });
    const alert = card.getByRole('region', { name: 'Alert: an alert-list hit' });
    await alert.waitFor();
    expect(await card.getByRole('region', { name: 'Listed document' }).textContent()).toMatch(/Listed as stolen .*Action: refer to second line/);
    const decision = (name: 'Admit' | 'Refuse' | 'Refer') => page.getByRole('button', { name, exact: true });
    for (const name of ['Admit', 'Refuse', 'Refer'] as const) expect(await decision(name).isDisabled()).toBe(true);
    expect(await page.getByTestId('decision-held').textContent()).toContain('Decisions are unavailable until the alert is acknowledged.');
    await inEveryLanguage(page, 'alert-unacknowledged', SCREEN_SIZES);

    await alert.getByRole('button', { name: 'Acknowledge alert' }).click();
    await alert.getByText('Acknowledged by uto-guard-7').waitFor();
    expect(await decision('Admit').isDisabled()).toBe(true);
    expect(await decision('Refuse').isDisabled()).toBe(true);
    expect(await decision('Refer').isDisabled()).toBe(false);
    expect(await page.getByTestId('decision-held').textContent()).toContain('Admit and Refuse are unavailable: the alert-list hit requires a referral to second line.');
    expect(await decision('Admit').getAttribute('aria-describedby')).not.toBeNull();
    // A guard is offered no override.
    expect(await page.getByRole('form', { name: 'Override the referral' }).count()).toBe(0);
    await inEveryLanguage(page, 'alert-held-to-refer', SCREEN_SIZES);
    // The admit key does nothing while the hit stands.
    await page.keyboard.press('F2');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await decision('Refer').click();
    const referDialog = page.getByRole('dialog');
    expect(await referDialog.getByRole('radio', { name: 'Alert-list hit' }).isChecked()).toBe(true);
    await referDialog.getByRole('button', { name: 'Refer' }).click();
    await page.getByRole('status').getByText('Recorded').waitFor();
    await signOut(page);

    // The supervisor at the lane: acknowledges, overrides with a reason, then admits.
    await firstSignIn(page, 'uto-super-7', supervisorPin, '48151623');
    await lane.rig().pty.write(readerBytes(travellerZone({ documentNumber: 'UT5550001', surname: 'PETROSYAN', givenNames: 'ANI', sex: 'F' })));
    await alert.waitFor();
    await alert.getByRole('button', { name: 'Acknowledge alert' }).click();
    const override = page.getByRole('form', { name: 'Override the referral' });
    await override.waitFor();
    expect(await override.getByRole('button', { name: 'Override' }).isDisabled()).toBe(true);
    await override.getByRole('textbox', { name: 'Reason for the override' }).fill('Owner reported it found; confirmed by central');
    await inEveryLanguage(page, 'alert-supervisor-override');
    await override.getByRole('button', { name: 'Override' }).click();
    await alert.getByText('Referral overridden by uto-super-7: Owner reported it found; confirmed by central').waitFor();
    expect(await decision('Admit').isDisabled()).toBe(false);
    expect(await page.getByTestId('decision-held').count()).toBe(0);
    await inEveryLanguage(page, 'alert-overridden');
    await decision('Admit').click();
    const admitDialog = page.getByRole('dialog', { name: 'Admit despite a failed check?' });
    await admitDialog.getByRole('radio', { name: 'Other' }).check();
    await admitDialog.getByRole('button', { name: 'Admit anyway' }).click();
    await page.getByRole('status').getByText('Recorded').waitFor();
    await signOut(page);

    // A supervisor overrides from their own screen: the guard's lane learns it and may admit.
    await signIn(page, 'uto-guard-7', '90123784');
    await lane.rig().pty.write(readerBytes(travellerZone({ documentNumber: 'UT5550002', surname: 'SARGSYAN', givenNames: 'DAVIT' })));
    await alert.waitFor();
    await alert.getByRole('button', { name: 'Acknowledge alert' }).click();
    await alert.getByText('Acknowledged by uto-guard-7').waitFor();
    const assessmentId = await card.getByTestId('document-card').getAttribute('data-assessment-id');
    const { client: supervisorScreen } = await connectClient(lane.rig().served.port, lane.rig().served.token);
    await supervisorScreen.call('auth.login', { officerId: 'uto-super-7', pin: '48151623' });
    const open = await supervisorScreen.call('alerts.openHits', {});
    expect(open.map((hit) => [hit.state, hit.hit.entryId])).toEqual([
      ['at-lane', 'UTO:UT5550002:P'],
      ['referred', 'UTO:UT4821936:P'],
    ]);
    await supervisorScreen.call('alerts.override', { assessmentId: assessmentId ?? '', reason: 'Revocation withdrawn, confirmed by the office' });
    await alert.getByText('Referral overridden by uto-super-7').waitFor({ timeout: 15_000 });
    expect(await decision('Admit').isDisabled()).toBe(false);
    supervisorScreen.close();
    await decision('Refer').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Refer' }).click();
    await page.getByRole('status').getByText('Recorded').waitFor();

    await expect
      .poll(() => exportedCrossings(dataDir).map((crossing) => [crossing.officerId, crossing.decision.outcome, crossing.alertHits?.map((hit) => hit.entryId), crossing.alertOverride?.officerId]))
      .toEqual([
        ['uto-guard-7', 'refer', ['UTO:UT4821936:P'], undefined],
        ['uto-super-7', 'admit', ['UTO:UT5550001:P'], 'uto-super-7'],
        ['uto-guard-7', 'refer', ['UTO:UT5550002:P'], 'uto-super-7'],
      ]);
    await page.close();
  }, 180_000);
});
