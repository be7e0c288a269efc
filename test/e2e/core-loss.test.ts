import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../rigs/chromium.js';
import { changePin, createOfficer, exportedCrossings, openLane, readerBytes, setUpTechnician, signIn, signOut, startLaneRig, travellerZone, type LaneRig } from './support/lane-rig.js';

describe('end to end: the core dies while a card is on screen', () => {
  let browser: Browser;
  let rig: LaneRig;
  beforeAll(async () => {
    browser = await launchChromium();
    rig = await startLaneRig();
  });
  afterAll(async () => {
    await browser.close();
    await rig.close();
  });

  it('disables the decisions and says why; after a restart the guard signs in again and rescans', async () => {
    const page = await openLane(browser, rig.served.url);
    await setUpTechnician(page, rig.dataDir, '29384756');
    const oneTime = await createOfficer(page, 'uto-guard-5', 'Officer Utopia Five', ['Guard']);
    await signOut(page);
    await signIn(page, 'uto-guard-5', oneTime);
    await changePin(page, oneTime, '84756120');
    const zone = travellerZone({ documentNumber: 'UT9912044', surname: 'SARGSYAN', givenNames: 'NAREK' });
    await rig.pty.write(readerBytes(zone));
    const heading = page.getByRole('region', { name: 'Document' }).getByRole('heading', { name: 'SARGSYAN, NAREK' });
    await heading.waitFor();

    await rig.served.stop('SIGKILL');
    await page.getByRole('alert').filter({ hasText: 'The core is unreachable' }).waitFor();
    expect(await page.getByRole('button', { name: 'Admit', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Refuse', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Refer', exact: true }).isDisabled()).toBe(true);
    // The card stays, so the guard still sees whom they were dealing with.
    expect(await heading.count()).toBe(1);
    expect(exportedCrossings(rig.dataDir)).toEqual([]);

    // Every start of `sahman serve` prints a new address (a new token): the guard opens it and signs in again.
    await rig.restart();
    await page.goto(rig.served.url);
    await signIn(page, 'uto-guard-5', '84756120');
    await page.getByRole('region', { name: 'Document' }).getByText('Present a document').waitFor();
    await rig.pty.write(readerBytes(zone));
    await heading.waitFor();
    await page.getByRole('button', { name: 'Admit', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Recorded' }).waitFor();
    expect(exportedCrossings(rig.dataDir).map((crossing) => crossing.document.fields.documentNumber)).toEqual(['UT9912044']);
    await page.close();
  }, 120_000);
});
