import { describe, expect, it } from 'vitest';
import type { PersonListEntry } from '../../main/common/contract/alert-lists.js';
import { listPersons } from '../rigs/document-list.js';
import { inEveryLanguage, SCREEN_SIZES } from './support/in-every-language.js';
import { createOfficer, exportedCrossings, openLane, readerBytes, setUpTechnician, signIn, signOut, travellerZone, changePin } from './support/lane-rig.js';
import { laneSuite } from './support/lane-suite.js';

/** A fictitious person of interest, listed as an Armenian registry writes the name. */
const SOUGHT: PersonListEntry = {
  id: 'UTO-RN-2026-0007',
  surname: 'Հովհաննիսյան',
  givenNames: 'Արամ',
  aliases: [],
  birthDate: '1986-03',
  nationality: 'UTO',
  sex: 'M',
  category: 'red-notice',
  action: 'arrest',
};

describe('end to end: a listed person at the lane', () => {
  const lane = laneSuite();

  it('shows the listed entry beside the document with how each name part matched, holds the guard to acknowledge and refer, and records the hit', async () => {
    const { dataDir } = lane.rig();
    let page = await openLane(lane.browser(), lane.rig().served.url);
    await setUpTechnician(page, dataDir, '71829356');
    const guardPin = await createOfficer(page, 'uto-guard-8', 'Officer Utopia Eight', ['Guard']);
    const supervisorPin = await createOfficer(page, 'uto-super-8', 'Supervisor Utopia Eight', ['Supervisor']);
    await signOut(page);
    await page.close();
    // The matcher is built from the stored list at start.
    await lane.rig().served.stop();
    listPersons(dataDir, [SOUGHT], 4);
    await lane.rig().restart();

    page = await openLane(lane.browser(), lane.rig().served.url);
    await signIn(page, 'uto-guard-8', guardPin);
    await changePin(page, guardPin, '90123785');
    await page.getByRole('region', { name: 'Document' }).getByText('Present a document').waitFor();
    // The passport writes the name through Russian, as older passports do.
    await lane.rig().pty.write(readerBytes(travellerZone({ surname: 'OGANESIAN', givenNames: 'ARAM', birthDate: '1986-03-14' })));
    const card = page.getByRole('region', { name: 'Document' });
    const alert = card.getByRole('region', { name: 'Alert: an alert-list hit' });
    await alert.waitFor();
    const listed = card.getByRole('region', { name: 'Listed person' });
    const text = (await listed.textContent()) ?? '';
    expect(text).toContain('Action: arrest: refer to second line at once');
    expect(text).toContain('red-notice');
    expect(text).toContain('Dates of birth agree as far as the list knows');
    expect(text).toMatch(/HOVHANNISYAN ↔ OGANESIAN: transliteration/);
    expect(text).toMatch(/ARAM ↔ ARAM: exact/);
    await inEveryLanguage(page, 'listed-person', SCREEN_SIZES);

    const decision = (name: 'Admit' | 'Refuse' | 'Refer') => page.getByRole('button', { name, exact: true });
    expect(await decision('Refer').isDisabled()).toBe(true);
    await alert.getByRole('button', { name: 'Acknowledge alert' }).click();
    await alert.getByText('Acknowledged by uto-guard-8').waitFor();
    expect(await decision('Admit').isDisabled()).toBe(true);
    await decision('Refer').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Refer' }).click();
    await page.getByRole('status').getByText('Recorded').waitFor();
    await expect
      .poll(() => exportedCrossings(dataDir).map((crossing) => [crossing.decision.outcome, crossing.alertHits]))
      .toEqual([['refer', [{ list: 'person-list', version: 4, entryId: SOUGHT.id, how: 'match' }]]]);

    // Second line: the supervisor sees the hit with the entry, the explanation and the guard's acknowledgement, and confirms it.
    await signOut(page);
    await signIn(page, 'uto-super-8', supervisorPin);
    await changePin(page, supervisorPin, '66120937');
    await page.getByRole('navigation').getByRole('link', { name: 'Second line' }).click();
    const referral = page.getByRole('region', { name: /^Referrals/ }).getByRole('article', { name: 'OGANESIAN, ARAM' });
    expect(await referral.textContent()).toContain(`Alert-list hit: person-list ${SOUGHT.id}`);
    const hits = page.getByRole('region', { name: 'Alert hits' });
    const hit = hits.getByRole('article', { name: 'Հովհաննիսյան Արամ' });
    await hit.getByText('Referred to second line').waitFor();
    expect(await hit.getByRole('region', { name: 'Listed person' }).textContent()).toMatch(/HOVHANNISYAN ↔ OGANESIAN: transliteration/);
    await hit.getByText('Acknowledged by uto-guard-8').waitFor();
    // Overriding takes a reason; confirming does not.
    expect(await hit.getByRole('button', { name: 'Override' }).isDisabled()).toBe(true);
    await inEveryLanguage(page, 'second-line-hit', SCREEN_SIZES);
    await hit.getByRole('textbox', { name: 'Reason' }).fill('identity confirmed against the notice photograph');
    await hit.getByRole('button', { name: 'Confirm hit' }).click();
    await hits.getByRole('status').filter({ hasText: 'Hit confirmed: Հովհաննիսյան Արամ' }).waitFor();
    await hits.getByText('No alert-list hit awaits a supervisor.').waitFor();
    await page.close();
  }, 180_000);
});
