import { describe, expect, it } from 'vitest';
import { exportedCrossings, openLane, readerBytes, setUpGuard, signIn, travellerZone } from './support/lane-rig.js';
import { laneSuite } from './support/lane-suite.js';

describe('end to end: the core dies while a card is on screen', () => {
  const lane = laneSuite();

  it('disables the decisions and says why; after a restart the guard signs in again and rescans', async () => {
    const page = await openLane(lane.browser(), lane.rig().served.url);
    await setUpGuard(page, lane.rig().dataDir, { id: 'uto-guard-5', name: 'Officer Utopia Five', pin: '84756120' }, '29384756');
    const zone = travellerZone({ documentNumber: 'UT9912044', surname: 'SARGSYAN', givenNames: 'NAREK' });
    await lane.rig().pty.write(readerBytes(zone));
    const heading = page.getByRole('region', { name: 'Document' }).getByRole('heading', { name: 'SARGSYAN, NAREK' });
    await heading.waitFor();

    await lane.rig().served.stop('SIGKILL');
    await page.getByRole('alert').filter({ hasText: 'The core is unreachable' }).waitFor();
    expect(await page.getByRole('button', { name: 'Admit', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Refuse', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Refer', exact: true }).isDisabled()).toBe(true);
    // The card stays, so the guard still sees whom they were dealing with.
    expect(await heading.count()).toBe(1);
    expect(exportedCrossings(lane.rig().dataDir)).toEqual([]);

    // Every start of `sahman serve` prints a new address (a new token): the guard opens it and signs in again.
    await lane.rig().restart();
    await page.goto(lane.rig().served.url);
    await signIn(page, 'uto-guard-5', '84756120');
    await page.getByRole('region', { name: 'Document' }).getByText('Present a document').waitFor();
    await lane.rig().pty.write(readerBytes(zone));
    await heading.waitFor();
    await page.getByRole('button', { name: 'Admit', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Recorded' }).waitFor();
    expect(exportedCrossings(lane.rig().dataDir).map((crossing) => crossing.document.fields.documentNumber)).toEqual(['UT9912044']);
    await page.close();
  }, 120_000);
});
