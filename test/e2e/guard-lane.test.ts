import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { typeLikeWedge, wedgeKeysUnderRussianLayout } from './support/keyboard.js';
import {
  changePin,
  createOfficer,
  exportedCrossings,
  openLane,
  readerBytes,
  setUpTechnician,
  signIn,
  signOut,
  travellerZone,
} from './support/lane-rig.js';
import { laneSuite } from './support/lane-suite.js';

const TECHNICIAN_PIN = '73914562';
const GUARD_PIN = '48150923';

/** The lane's live region says "Recorded" only once the core has answered that the record is on disk. */
async function recorded(page: Page): Promise<void> {
  await page.getByRole('status').filter({ hasText: 'Recorded' }).waitFor();
}

describe('end to end: officers, sign-in and the guard’s lane in Chromium against `sahman serve` with a pty reader', () => {
  const lane = laneSuite();

  it('a technician creates a guard, who then admits, refuses, types and takes a wedge scan, all recorded', async () => {
    const page = await openLane(lane.browser(), lane.rig().served.url);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));

    await setUpTechnician(page, lane.rig().dataDir, TECHNICIAN_PIN);
    const navigation = page.getByRole('navigation');
    expect(await navigation.getByRole('link', { name: 'Officers' }).count()).toBe(1);
    expect(await navigation.getByRole('link', { name: 'Lane' }).count()).toBe(0);
    const oneTimePin = await createOfficer(page, 'uto-guard-7', 'Officer Utopia Seven', ['Guard']);
    await page.getByRole('cell', { name: 'uto-guard-7', exact: true }).waitFor();
    await signOut(page);

    await signIn(page, 'uto-guard-7', oneTimePin);
    await changePin(page, oneTimePin, GUARD_PIN);
    const documentRegion = page.getByRole('region', { name: 'Document' });
    await documentRegion.getByText('Present a document').waitFor();
    expect(await page.getByRole('radiogroup', { name: 'Direction' }).getByRole('radio', { name: 'Entry' }).isChecked()).toBe(true);
    await page.getByRole('contentinfo').getByText('Utopia North').waitFor();

    // A scan from the pty reader; a second document arrives before the decision and waits its turn.
    await lane.rig().pty.write(readerBytes(travellerZone()));
    await documentRegion.getByRole('heading', { name: 'HOVHANNISYAN, ARAM' }).waitFor();
    await lane.rig().pty.write(readerBytes(travellerZone({ documentNumber: 'UT6604417', surname: 'AVETISYAN', givenNames: 'MARIAM', sex: 'F' })));
    await documentRegion.getByText('Next document waiting: AVETISYAN, MARIAM').waitFor();
    expect(await documentRegion.getByRole('heading', { name: 'HOVHANNISYAN, ARAM' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Admit', exact: true }).click();
    await recorded(page);
    // The waiting document takes the card; a double click on Admit records it once.
    await documentRegion.getByRole('heading', { name: 'AVETISYAN, MARIAM' }).waitFor();
    await page.getByRole('button', { name: 'Admit', exact: true }).dblclick();
    await expect.poll(() => exportedCrossings(lane.rig().dataDir).length).toBe(2);
    const afterAdmit = exportedCrossings(lane.rig().dataDir);
    expect(afterAdmit).toHaveLength(2);
    expect(afterAdmit[0]).toMatchObject({ decision: { outcome: 'admit' }, direction: 'entry', document: { fields: { documentNumber: 'UT4821936' } } });

    // An expired passport from the simulator, refused; the reason is preselected, so Enter confirms.
    await page.getByRole('button', { name: 'Simulate a scan' }).click();
    await page.getByRole('button', { name: 'An expired passport' }).click();
    await documentRegion.getByTestId('expiry-verdict').filter({ hasText: 'Expired' }).waitFor();
    expect(await documentRegion.getByTestId('check-expiry').getAttribute('data-outcome')).toBe('alert');
    await page.getByRole('button', { name: 'Refuse', exact: true }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByRole('radio', { name: 'Document expired' }).isChecked()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => exportedCrossings(lane.rig().dataDir).map((crossing) => crossing.decision.outcome)).toEqual(['admit', 'admit', 'refuse']);

    // A document typed by hand, validated live, admitted from the keyboard.
    await page.getByRole('button', { name: 'Type a document' }).click();
    const fill = async (label: string, value: string): Promise<void> => page.getByRole('textbox', { name: label, exact: true }).fill(value);
    await fill('Issuing state', 'UTO');
    await fill('Document number', 'UT7730412');
    await fill('Surname', 'PETROSYAN');
    await fill('Given names', 'ANI');
    await fill('Nationality', 'UTO');
    await fill('Date of birth', '1992-11-02');
    await page.getByRole('combobox', { name: 'Sex' }).selectOption('F');
    await fill('Date of expiry', '2034-05-30');
    await page.getByRole('region', { name: 'MRZ preview' }).getByText('P<UTOPETROSYAN<<ANI').waitFor();
    await page.getByRole('button', { name: 'Check' }).click();
    await documentRegion.getByText('Typed by hand').waitFor();
    await page.waitForTimeout(450);
    await page.keyboard.press('F2');
    await expect.poll(() => exportedCrossings(lane.rig().dataDir).length).toBe(4);

    // A keyboard-wedge reader under a Russian layout: .key is Cyrillic, the zone comes from .code.
    const wedgeZone = travellerZone({ documentNumber: 'UT5550183', surname: 'GRIGORYAN', givenNames: 'LUSINE', sex: 'F', birthDate: '1979-07-21' });
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await typeLikeWedge(page, wedgeKeysUnderRussianLayout(wedgeZone));
    await documentRegion.getByRole('heading', { name: 'GRIGORYAN, LUSINE' }).waitFor();
    await page.waitForTimeout(450);
    await page.keyboard.press('F2');
    await expect.poll(() => exportedCrossings(lane.rig().dataDir).length).toBe(5);
    const numbers = exportedCrossings(lane.rig().dataDir).map((crossing) => crossing.document.fields.documentNumber);
    expect(numbers).toEqual(['UT4821936', 'UT6604417', expect.any(String), 'UT7730412', 'UT5550183']);
    const sources = exportedCrossings(lane.rig().dataDir).map((crossing) => crossing.document.source);
    expect(sources).toEqual([
      { method: 'reader', readerId: 'passport' },
      { method: 'reader', readerId: 'passport' },
      { method: 'reader', readerId: 'simulator' },
      { method: 'manual' },
      { method: 'reader', readerId: 'keyboard-wedge' },
    ]);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
