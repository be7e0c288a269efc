import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openDatabase } from '../../main/core/db/open-database.js';
import { loadOrCreateApplianceKey } from '../../main/core/keys/appliance-key.js';
import { DATABASE_FILE_NAME } from '../../main/core/store/open-store.js';
import { startTestCentral } from '../rigs/central.js';
import { launchChromium } from '../rigs/chromium.js';
import { inEveryLanguage, SCREEN_SIZES } from './support/in-every-language.js';
import { changePin, createOfficer, openLane, readerBytes, setUpTechnician, signIn, signOut, startLaneRig, travellerZone } from './support/lane-rig.js';

const APPLIANCE = 'uto-e2e-lane-3';
const TECHNICIAN_PIN = '61820394';
const GUARD = { id: 'uto-guard-31', pin: '47201958' };
const SUPERVISOR = { id: 'uto-super-31', pin: '83920174' };

/** Signs in an officer created with a one-time PIN, who sets their own on the way. */
async function firstSignIn(page: Page, officer: { id: string; pin: string }, oneTime: string): Promise<void> {
  await signIn(page, officer.id, oneTime);
  await changePin(page, oneTime, officer.pin);
  await page.getByRole('navigation').waitFor();
}

describe('end to end: second line in Chromium against `sahman serve` with a pty reader and a local central', () => {
  it('a guard refers a traveller; the supervisor takes the referral and admits with a reason, which reaches central; then voids a record and requeues a dead letter after its fix', async () => {
    const browser = await launchChromium();
    onTestFinished(() => browser.close());
    const central = await startTestCentral();
    // Central knows the appliance's key before its first start, as after registration.
    const rig = await startLaneRig(
      (config) => ({ ...config, central: { url: central.url, deliveryDeadlineMinutes: 15 } }),
      (dataDir) => {
        central.registerKey(APPLIANCE, loadOrCreateApplianceKey(dataDir).publicKeyBase64);
      },
    );
    onTestFinished(() => rig.close());
    const page = await openLane(browser, rig.served.url);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await setUpTechnician(page, rig.dataDir, TECHNICIAN_PIN);
    const guardPin = await createOfficer(page, GUARD.id, 'Officer Utopia Thirty-One', ['Guard']);
    const supervisorPin = await createOfficer(page, SUPERVISOR.id, 'Supervisor Utopia Thirty-One', ['Supervisor']);
    await signOut(page);

    // The lane's next crossing is damaged on disk as it is written (its good body kept aside), so central refuses it.
    const db = openDatabase(path.join(rig.dataDir, DATABASE_FILE_NAME));
    db.exec(`
      CREATE TABLE test_kept_body (seq INTEGER PRIMARY KEY, body BLOB NOT NULL);
      CREATE TRIGGER test_damage_next AFTER INSERT ON crossings WHEN NOT EXISTS (SELECT 1 FROM test_kept_body) BEGIN
        INSERT INTO test_kept_body (seq, body) VALUES (NEW.seq, NEW.body);
        UPDATE crossings SET body = x'01ff' WHERE seq = NEW.seq;
      END;`);

    await firstSignIn(page, GUARD, guardPin);
    const documentRegion = page.getByRole('region', { name: 'Document' });
    await rig.pty.write(readerBytes(travellerZone({ documentNumber: 'UT5550101', surname: 'SARGSYAN', givenNames: 'ANI', sex: 'F' })));
    await documentRegion.getByRole('heading', { name: 'SARGSYAN, ANI' }).waitFor();
    await page.getByRole('button', { name: 'Admit', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Recorded' }).waitFor();
    db.exec('DROP TRIGGER test_damage_next');
    await expect.poll(() => db.prepare('SELECT count(*) FROM dead_letters').pluck().get(), { timeout: 30_000 }).toBe(1);
    // The fix: a technician restores the record from its kept copy.
    db.prepare('UPDATE crossings SET body = (SELECT body FROM test_kept_body) WHERE seq = (SELECT seq FROM test_kept_body)').run();

    await rig.pty.write(readerBytes(travellerZone()));
    await documentRegion.getByRole('heading', { name: 'HOVHANNISYAN, ARAM' }).waitFor();
    await page.getByRole('button', { name: 'Refer', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Refer' }).click();
    await page.getByRole('status').filter({ hasText: 'Recorded' }).waitFor();
    await signOut(page);

    await firstSignIn(page, SUPERVISOR, supervisorPin);
    const navigation = page.getByRole('navigation');
    expect(await navigation.getByRole('link', { name: 'Lane' }).count()).toBe(0);
    await navigation.getByRole('link', { name: 'Second line' }).click();
    const referrals = page.getByRole('region', { name: /^Referrals/ });
    const referral = referrals.getByRole('article', { name: 'HOVHANNISYAN, ARAM' });
    await referral.waitFor();
    const card = (await referral.textContent()) ?? '';
    expect(card).toContain('Waiting 0 minutes');
    expect(card).toContain(`referred by ${GUARD.id}`);
    expect(card).toContain("Guard's reasons: Further checks needed");
    const deadLetters = page.getByRole('region', { name: 'Dead letters' });
    await deadLetters.getByRole('button', { name: 'Requeue' }).waitFor();
    expect(await deadLetters.textContent()).toMatch(/Crossing · seq \d+ · refused at/);
    const voids = page.getByRole('region', { name: 'Void a crossing' });
    await voids.getByRole('row', { name: /SARGSYAN, ANI/ }).waitFor();
    await inEveryLanguage(page, 'second-line', SCREEN_SIZES);

    // Take, then admit with a reason; the queue moves on.
    await referral.getByRole('button', { name: 'Take' }).click();
    await referral.getByText('You took it at').waitFor();
    const admit = referral.getByRole('button', { name: 'Admit' });
    expect(await admit.isDisabled()).toBe(true);
    await referral.getByRole('textbox', { name: 'Reason' }).fill('visa genuine, confirmed by phone with the consulate');
    await referral.getByRole('textbox', { name: 'Notes' }).fill('traveller waited calmly');
    await inEveryLanguage(page, 'second-line-taken', SCREEN_SIZES);
    await admit.click();
    await referrals.getByRole('status').filter({ hasText: 'Admitted: HOVHANNISYAN, ARAM' }).waitFor();
    await referrals.getByText('No referral is waiting.').waitFor();
    await expect
      .poll(() => central.items(APPLIANCE).filter((item) => item.kind === 'resolution').map((item) => item.record), { timeout: 30_000 })
      .toEqual([expect.objectContaining({ outcome: 'admitted', reason: 'visa genuine, confirmed by phone with the consulate', notes: 'traveller waited calmly', officerId: SUPERVISOR.id })]);

    // The dead letter goes again now that its record is mended, and the screen says when central has it.
    await deadLetters.getByRole('button', { name: 'Requeue' }).click();
    await deadLetters.getByText(/Sent again as seq \d+: central holds it/).waitFor({ timeout: 30_000 });
    expect(central.items(APPLIANCE).filter((item) => item.kind === 'crossing').map((item) => item.record)).toEqual(
      expect.arrayContaining([expect.objectContaining({ document: expect.objectContaining({ fields: expect.objectContaining({ surname: 'SARGSYAN' }) }) as unknown })]),
    );

    // Void the admission: a reason in the dialog, and the row says who voided it and why.
    await voids.getByRole('row', { name: /SARGSYAN, ANI/ }).getByRole('button', { name: 'Void' }).click();
    const dialog = page.getByRole('dialog', { name: 'Void the crossing of SARGSYAN, ANI' });
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('short');
    expect(await dialog.getByRole('button', { name: 'Void' }).isDisabled()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('recorded for the wrong traveller');
    await dialog.getByRole('button', { name: 'Void' }).click();
    await voids.getByRole('row', { name: /SARGSYAN, ANI/ }).getByText(`Voided by ${SUPERVISOR.id}: recorded for the wrong traveller`).waitFor();
    await inEveryLanguage(page, 'second-line-done', SCREEN_SIZES);
    await expect.poll(() => central.items(APPLIANCE).filter((item) => item.kind === 'void').length, { timeout: 30_000 }).toBe(1);
    db.close();
    expect(problems).toEqual([]);
    await page.close();
  }, 240_000);
});
