import type { Browser, Locator, Page } from 'playwright-core';
import { filter, firstValueFrom, timeout } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { DocumentListEntry, PersonListEntry } from '../../main/common/contract/alert-lists.js';
import type { ApplianceConfig } from '../../main/common/contract/config.js';
import { builtRendererDir } from '../../main/core/app/package-root.js';
import { CATALOGUES } from '../../renderer/i18n/catalogues/index.js';
import { LANGUAGES } from '../../renderer/i18n/languages.js';
import { assertBuilt } from '../rigs/built-cli.js';
import { startTestCentral } from '../rigs/central.js';
import { publishAlertLists } from '../rigs/document-list.js';
import { launchChromium } from '../rigs/chromium.js';
import { startInProcessAppliance } from '../rigs/in-process-appliance.js';
import { addOfficers } from '../rigs/officers.js';
import { FAST } from '../rigs/syncing-lane.js';
import { fakeWallClock } from '../rigs/world-clock.js';
import { connectClient } from '../rigs/ws-rpc.js';
import { seriousAccessibilityProblems } from './support/axe.js';
import { openLane, screenshot, signIn } from './support/lane-rig.js';

const HOUR = 3_600_000;
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;
const GUARD = { id: 'uto-guard-21', pin: '58203146', roles: ['guard'] as const };
// Listed entries that none of the simulator's travellers matches: the lane here records a routine admission.
const LOST: DocumentListEntry = { issuingState: 'UTO', documentType: 'P', number: 'UT0000017', reason: 'lost', source: 'UTO national police', reportedAt: '2026-03-14' };
const SOUGHT: PersonListEntry = { id: 'UTO-W-2026-0091', surname: 'NOBODY', givenNames: 'NEVER', aliases: [], birthDate: '1950-01-01', nationality: 'UTO', sex: 'M', category: 'national-warrant', action: 'refer' };
const PERSON_LIST_3_DAYS: Readonly<Record<(typeof LANGUAGES)[number], string>> = {
  en: 'Person list 3 days old',
  hy: 'Անձանց ցուցակը չի թարմացվել 3 օր',
  ru: 'Список лиц не обновлялся 3 дня',
};
const SIMULATOR: Pick<ApplianceConfig, 'readers'> = { readers: [{ id: 'simulator', spec: 'sim:?interval=0' }] };

/**
 * The core runs in the test's process (the same core and WebSocket host `sahman serve` runs,
 * serving the built UI) so that the test can steer its clock and its central: a list goes
 * stale only after hours without word from central.
 */
async function laneServingTheUi(config: Partial<ApplianceConfig>, coreOptions: Parameters<typeof startInProcessAppliance>[1] = {}) {
  assertBuilt();
  const appliance = await startInProcessAppliance({ ...SIMULATOR, ...config }, coreOptions, { rendererDir: builtRendererDir });
  await addOfficers(appliance.dataDir, [GUARD]);
  return appliance;
}

async function signedInGuard(browser: Browser, url: string): Promise<{ page: Page; bar: Locator }> {
  const page = await openLane(browser, url);
  onTestFinished(() => page.close());
  await signIn(page, GUARD.id, GUARD.pin);
  await page.getByRole('region', { name: 'Document' }).getByText('Present a document').waitFor();
  return { page, bar: page.getByRole('contentinfo', { name: 'Lane status' }) };
}

describe('end to end: the alert lists\' age on the guard\'s status bar', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('says the lists were not received on a lane that has none, and says nothing of their age', async () => {
    const appliance = await laneServingTheUi({});
    const { page, bar } = await signedInGuard(browser, appliance.host.url);
    const missing = bar.getByRole('status', { name: 'Alert lists not received', exact: true });
    await missing.waitFor();
    expect(await missing.textContent()).toMatch(/No document list yet.*No person list yet/);
    expect(await bar.getByRole('status', { name: 'Alert lists out of date' }).count()).toBe(0);
    await page.evaluate('document.fonts.ready.then(() => true)');
    await screenshot(page, 'status-bar-lists-missing-en-1280x800');
  }, 60_000);

  it('warns while the lists are out of date, in every language; the lane still records; the warning goes when central vouches for them again', async () => {
    // The test's wall clock jumps three days below; Chromium's own clock does not.
    fakeWallClock();
    const central = await startTestCentral();
    publishAlertLists(central, [LOST], [SOUGHT]);
    const appliance = await laneServingTheUi(
      { central: { url: central.url, deliveryDeadlineMinutes: 15, publicKey: central.centralPublicKeyBase64 } },
      { sync: FAST, listFreshness: { intervalMs: 100 } },
    );
    central.registerKey(appliance.core.config.applianceId, appliance.core.key.publicKeyBase64);
    // The core's word that both lists arrived, before the clock moves.
    const { client } = await connectClient(appliance.host.port, appliance.host.token);
    await client.call('auth.login', { officerId: GUARD.id, pin: GUARD.pin });
    await firstValueFrom(client.stream('alerts.freshness', {}).pipe(filter((f) => f.lists.every((list) => list.state === 'fresh')), timeout(15_000)));

    const { page, bar } = await signedInGuard(browser, appliance.host.url);
    await expect.poll(() => bar.getByRole('status', { name: 'Alert lists not received' }).count()).toBe(0);

    // Central goes away, and 74 hours pass without a word from it.
    await central.close();
    vi.setSystemTime(Date.now() + 74 * HOUR);
    const stale = bar.getByRole('status', { name: 'Alert lists out of date', exact: true });
    await stale.waitFor();
    expect(await stale.textContent()).toMatch(/Document list 3 days old.*Person list 3 days old/);

    const problems: string[] = [];
    for (const language of LANGUAGES) {
      const m = CATALOGUES[language];
      await page.getByRole('combobox', { name: CATALOGUES[await currentLanguage(page)]['language.label'] }).selectOption(language);
      const warning = page.getByRole('contentinfo', { name: m['status.bar'] }).getByRole('status', { name: m['freshness.staleLabel'], exact: true });
      await warning.waitFor();
      expect(await warning.textContent()).toContain(PERSON_LIST_3_DAYS[language]);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.evaluate('document.fonts.ready.then(() => true)');
        await screenshot(page, `status-bar-lists-stale-${language}-${String(size.width)}x${String(size.height)}`);
        problems.push(...(await seriousAccessibilityProblems(page)).map((problem) => `${language} ${String(size.width)}: ${problem}`));
      }
    }
    expect(problems).toEqual([]);
    await page.getByRole('combobox', { name: CATALOGUES[await currentLanguage(page)]['language.label'] }).selectOption('en');
    await page.setViewportSize(SIZES[0]);

    // Out of date is a warning, not a stop: a crossing is still scanned, checked and recorded.
    await page.getByRole('button', { name: 'Simulate a scan' }).click();
    await page.getByRole('button', { name: 'A valid passport' }).click();
    const documentRegion = page.getByRole('region', { name: 'Document' });
    await documentRegion.getByRole('heading').first().waitFor();
    await documentRegion.getByTestId('check-alert-list').waitFor();
    expect(await documentRegion.getByTestId('check-alert-list').getAttribute('data-outcome')).toBe('pass');
    await page.getByRole('button', { name: 'Admit', exact: true }).click();
    // The clock check saw the wall clock step three days (as this test made it): admitting asks why.
    expect(await documentRegion.getByTestId('check-clock').getAttribute('data-outcome')).toBe('alert');
    await page.getByRole('dialog').getByRole('radio', { name: 'Documents in order' }).check();
    await page.getByRole('dialog').getByRole('button', { name: 'Admit anyway' }).click();
    await page.getByRole('status').filter({ hasText: 'Recorded' }).waitFor();
    await stale.waitFor();

    // Central is back with nothing new: its next poll signs that the lists held here are its latest, as of now.
    await startTestCentral({ dataDir: central.dataDir, port: central.port });
    await stale.waitFor({ state: 'detached', timeout: 15_000 });
    expect(await bar.getByRole('status', { name: 'Alert lists not received' }).count()).toBe(0);
  }, 120_000);
});

async function currentLanguage(page: Page): Promise<(typeof LANGUAGES)[number]> {
  const lang = await page.evaluate<string>('document.documentElement.lang');
  const found = LANGUAGES.find((language) => language === lang);
  if (found === undefined) throw new Error(`the page's language is ${lang}`);
  return found;
}
