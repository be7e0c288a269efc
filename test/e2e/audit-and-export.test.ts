import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../main/core/store/open-store.js';
import { sqliteCli } from '../rigs/sqlite-cli.js';
import { inEveryLanguage, SCREEN_SIZES } from './support/in-every-language.js';
import { changePin, createOfficer, openLane, readerBytes, setUpTechnician, signIn, signOut, travellerZone } from './support/lane-rig.js';
import { laneSuite } from './support/lane-suite.js';

describe('end to end: the shift export and the audit viewer in Chromium against `sahman serve`', () => {
  const lane = laneSuite();

  it('exports a period as CSV, which the audit viewer then shows; an audit row edited with the sqlite3 command shows as a broken chain naming the event', async () => {
    const { dataDir } = lane.rig();
    const page = await openLane(lane.browser(), lane.rig().served.url);
    await setUpTechnician(page, dataDir, '50918273');
    const guardPin = await createOfficer(page, 'uto-guard-41', 'Officer Utopia Forty-One', ['Guard']);
    const supervisorPin = await createOfficer(page, 'uto-super-41', 'Supervisor Utopia Forty-One', ['Supervisor']);
    await signOut(page);
    await signIn(page, 'uto-guard-41', guardPin);
    await changePin(page, guardPin, '73019284');
    await lane.rig().pty.write(readerBytes(travellerZone({ documentNumber: 'UT7001001', surname: 'PETROSYAN', givenNames: 'LILIT', sex: 'F' })));
    await page.getByRole('region', { name: 'Document' }).getByRole('heading', { name: 'PETROSYAN, LILIT' }).waitFor();
    await page.getByRole('button', { name: 'Admit', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Recorded' }).waitFor();
    await signOut(page);
    await signIn(page, 'uto-super-41', supervisorPin);
    await changePin(page, supervisorPin, '29384756');

    const navigation = page.getByRole('navigation');
    await navigation.getByRole('link', { name: 'Shift' }).click();
    // Throughput: each chart is an image with its numbers in a table; this hour holds the one admission.
    await page.getByRole('img', { name: 'Crossings per hour by decision, this shift' }).waitFor();
    const byDecision = page.getByRole('table', { name: 'Crossings per hour by decision, this shift' });
    await expect.poll(async () => (await byDecision.getByRole('row').nth(1).textContent()) ?? '').toMatch(/^\d\d:00100$|^\d\d:001001$/);
    expect(await byDecision.getByRole('row').count()).toBe(9);
    await page.getByRole('radio', { name: 'Last 24 hours' }).check();
    await expect.poll(() => page.getByRole('table', { name: 'Crossings per hour by direction, last 24 hours' }).getByRole('row').count()).toBe(25);
    await page.getByRole('radio', { name: 'This shift (8 hours)' }).check();
    // No central answers this lane: the backlog waits, and says why.
    await page.getByRole('region', { name: 'Sync backlog' }).getByText(/Lane 3: \d+ records waiting for central/).waitFor();
    const exporting = page.getByRole('region', { name: 'Export' });
    await exporting.getByRole('radio', { name: 'CSV' }).check();
    await inEveryLanguage(page, 'shift-export', SCREEN_SIZES);
    const [download] = await Promise.all([page.waitForEvent('download'), exporting.getByRole('button', { name: 'Export' }).click()]);
    const file = await download.path();
    const rows = readFileSync(file, 'utf8').trim().split('\r\n');
    expect(rows[0]).toMatch(/^id,seq,recordedAt,/);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('PETROSYAN');
    await exporting.getByRole('status').filter({ hasText: '1 record exported' }).waitFor();

    await navigation.getByRole('link', { name: 'Audit' }).click();
    const chain = page.getByRole('region', { name: 'Audit chain' });
    await chain.getByRole('status').filter({ hasText: 'Intact:' }).waitFor();
    const exportRow = page.getByRole('row', { name: /Records exported/ });
    await exportRow.waitFor();
    expect(await exportRow.textContent()).toMatch(/uto-super-41.*format: csv · records: 1/);
    const filters = page.getByRole('form', { name: 'Filter the audit trail' });
    await filters.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Decision recorded' });
    await filters.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => page.getByRole('row', { name: /Signed in/ }).count()).toBe(0);
    expect(await page.getByRole('row', { name: /Decision recorded/ }).count()).toBe(1);
    await inEveryLanguage(page, 'audit-intact', SCREEN_SIZES);

    // Someone with the file changes the guard's sign-in, in SQLite itself, leaving the hash as it was.
    const database = path.join(dataDir, DATABASE_FILE_NAME);
    const target = Number(
      sqliteCli(
        database,
        `SELECT max(chain_index) FROM audit_events WHERE substr(body, 1, 1) = x'00' AND instr(CAST(substr(body, 2) AS TEXT), '"officerId":"uto-guard-41"') > 0;`,
      ).trim(),
    );
    expect(target).toBeGreaterThan(0);
    sqliteCli(
      database,
      `UPDATE audit_events SET body = CAST(x'00' || replace(CAST(substr(body, 2) AS TEXT), '"uto-guard-41"', '"uto-guard-42"') AS BLOB) WHERE chain_index = ${String(target)};`,
    );
    await chain.getByRole('button', { name: 'Verify now' }).click();
    const alarm = chain.getByRole('alert');
    await alarm.waitFor();
    expect(await alarm.textContent()).toContain(`The audit chain is broken at event ${String(target)}:`);
    await inEveryLanguage(page, 'audit-broken', SCREEN_SIZES);

    // The technician's diagnostics bundle: figures and logs, and nothing of the traveller.
    await signOut(page);
    await signIn(page, 'technician', '50918273');
    await page.getByRole('navigation').getByRole('link', { name: 'Diagnostics' }).click();
    await inEveryLanguage(page, 'diagnostics', SCREEN_SIZES);
    const [bundleDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download diagnostics bundle' }).click()]);
    const bundle = readFileSync(await bundleDownload.path(), 'utf8');
    expect(JSON.parse(bundle)).toMatchObject({ format: 'sahman-diagnostics/1', database: { rows: { crossings: 1 } } });
    for (const personal of ['PETROSYAN', 'LILIT', 'UT7001001']) expect(bundle).not.toContain(personal);
    await page.getByRole('status').filter({ hasText: /^✓ Saved sahman-diagnostics-/ }).waitFor();
    await page.close();
  }, 180_000);
});
