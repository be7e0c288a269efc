import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CATALOGUES } from '../../renderer/i18n/catalogues/index.js';
import { LANGUAGES } from '../../renderer/i18n/languages.js';
import { seriousAccessibilityProblems } from './support/axe.js';
import { createOfficer, openLane, screenshot, setUpTechnician } from './support/lane-rig.js';
import { laneSuite } from './support/lane-suite.js';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

describe('end to end: every screen in Armenian, Russian and English, at 1280x800 and 1920x1080', () => {
  const lane = laneSuite();
  let technician: Page;
  beforeAll(async () => {
    technician = await openLane(lane.browser(), lane.rig().served.url);
    await setUpTechnician(technician, lane.rig().dataDir, '90817263');
  });

  for (const language of LANGUAGES) {
    for (const size of SIZES) {
      it(`${language} at ${String(size.width)}x${String(size.height)}: screenshots, no serious accessibility problem`, async () => {
        const m = CATALOGUES[language];
        const officerId = `uto-all-${language}-${String(size.width)}`;
        const oneTime = await createOfficer(technician, officerId, 'Officer Utopia Shift', ['Guard', 'Supervisor', 'Technician']);
        await technician.getByRole('button', { name: 'Done' }).click();

        const page = await openLane(lane.browser(), lane.rig().served.url, size, language);
        const problems: string[] = [];
        const shot = async (screen: string): Promise<void> => {
          // Fonts in, so the screenshot shows what a kiosk without system fonts shows.
          await page.evaluate('document.fonts.ready.then(() => true)');
          await screenshot(page, `${screen}-${language}-${String(size.width)}x${String(size.height)}`);
          problems.push(...(await seriousAccessibilityProblems(page)).map((problem) => `${screen}: ${problem}`));
        };

        await page.getByRole('button', { name: m['signIn.submit'] }).waitFor();
        expect(await page.evaluate('document.documentElement.lang')).toBe(language);
        await shot('sign-in');
        await page.getByRole('textbox', { name: m['signIn.officerId'] }).fill(officerId);
        await page.getByLabel(m['signIn.pin'], { exact: true }).fill(oneTime);
        await page.getByRole('button', { name: m['signIn.submit'] }).click();

        await page.getByRole('button', { name: m['changePin.submit'] }).waitFor();
        await shot('change-pin');
        const pin = '35791246';
        await page.getByLabel(m['changePin.current']).fill(oneTime);
        await page.getByLabel(m['changePin.new'], { exact: true }).fill(pin);
        await page.getByLabel(m['changePin.repeat']).fill(pin);
        await page.getByRole('button', { name: m['changePin.submit'] }).click();

        const documentRegion = page.getByRole('region', { name: m['lane.document'] });
        await documentRegion.getByText(m['lane.idle']).waitFor();
        await shot('lane-idle');

        await page.getByRole('button', { name: m['lane.simulate'] }).click();
        await page.getByRole('button', { name: m['lane.simulate.ocr-error'] }).click();
        await documentRegion.locator('mark').first().waitFor();
        await shot('lane-card-ocr-correction');
        if (language === 'hy') await expectArmenianFormatting(page);

        await page.getByRole('button', { name: m['lane.refer'], exact: true }).click();
        await page.getByRole('dialog').waitFor();
        await shot('lane-refer-dialog');
        await page.keyboard.press('Escape');
        // Decided, so that no undecided scan is handed to the next test's lane.
        await page.getByRole('button', { name: m['lane.admit'], exact: true }).click();
        await page.getByRole('status').filter({ hasText: m['lane.recorded'] }).waitFor();

        await page.getByRole('button', { name: m['lane.typeDocument'] }).click();
        await page.getByRole('textbox', { name: m['manual.issuingState'], exact: true }).fill('UTO');
        await page.getByRole('textbox', { name: m['manual.documentNumber'], exact: true }).fill('U1');
        await page.getByRole('textbox', { name: m['manual.birthDate'], exact: true }).fill('1980-13-01');
        await shot('manual-entry');
        await page.getByRole('button', { name: m['manual.cancel'] }).click();

        const navigation = page.getByRole('navigation');
        await navigation.getByRole('link', { name: m['screen.officers'] }).click();
        await page.getByRole('button', { name: m['officers.add'] }).click();
        await shot('officers');
        await navigation.getByRole('link', { name: m['screen.status'] }).click();
        await page.getByTestId('uptime').filter({ hasText: /\d+:\d\d:\d\d/ }).waitFor();
        await shot('status');
        await page.getByRole('button', { name: m['lock.lockNow'] }).click();
        await page.getByRole('button', { name: m['lock.resume'] }).waitFor();
        await shot('locked');

        expect(problems).toEqual([]);
        await page.close();
      }, 120_000);
    }
  }
});

/** Chromium has no Armenian locale data of its own: the polyfilled dates and numbers must still be Armenian. */
async function expectArmenianFormatting(page: Page): Promise<void> {
  // The specimen travellers are born in some month: every Armenian month name ends in -ի in dates.
  const birth = (await page.getByTestId('fact-birth-date').textContent()) ?? '';
  expect(birth).toMatch(/(հունվարի|փետրվարի|մարտի|ապրիլի|մայիսի|հունիսի|հուլիսի|օգոստոսի|սեպտեմբերի|հոկտեմբերի|նոյեմբերի|դեկտեմբերի)/);
  // Page code as text: this test is type-checked without the DOM library.
  const samples = await page.evaluate<{ number: string; plural: string; fontLoaded: boolean }>(`({
    number: new Intl.NumberFormat('hy').format(1234567.5),
    plural: new Intl.PluralRules('hy').select(1),
    fontLoaded: [...document.fonts].some((face) => face.family.replace(/"/g, '') === 'Noto Sans Armenian' && face.status === 'loaded'),
  })`);
  // Armenian groups with a no-break space and uses a decimal comma.
  expect(samples.number).toMatch(/^1[\u00a0\u202f]234[\u00a0\u202f]567,5$/);
  expect(samples.plural).toBe('one');
  expect(samples.fontLoaded).toBe(true);
}
