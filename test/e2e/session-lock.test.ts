import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/core/db/open-database.js';
import { DATABASE_FILE_NAME } from '../../main/core/store/open-store.js';
import { auditEvents } from '../rigs/audit-rows.js';
import { changePin, createOfficer, openLane, setUpTechnician, signIn, signOut } from './support/lane-rig.js';
import { laneSuite } from './support/lane-suite.js';

const TECHNICIAN_PIN = '60418273';
const GUARD_PIN = '51729304';

/** The audit actions recorded so far, oldest first, read from the data folder as an auditor would. */
function auditActions(dataDir: string): string[] {
  const db = openDatabase(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  try {
    return auditEvents(db).map((event) => event.action);
  } finally {
    db.close();
  }
}

describe('end to end: the session locks when idle, resumes with the PIN, and a wrong PIN locks the account', () => {
  const lane = laneSuite((config) => ({ ...config, session: { idleLockSeconds: 5, maxWrongPins: 3, lockoutMinutes: 2 } }));

  it('locks after the idle time; the same officer resumes, another officer takes over', async () => {
    const page = await openLane(lane.browser(), lane.rig().served.url);
    await setUpTechnician(page, lane.rig().dataDir, TECHNICIAN_PIN);
    const guardPin = await createOfficer(page, 'uto-guard-3', 'Officer Utopia Three', ['Guard']);
    await signOut(page);
    await signIn(page, 'uto-guard-3', guardPin);
    await changePin(page, guardPin, GUARD_PIN);
    await page.getByRole('region', { name: 'Document' }).waitFor();

    // Nobody touches the screen for the configured 5 s.
    await page.getByRole('heading', { name: 'Screen locked' }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('button', { name: 'Admit', exact: true }).count()).toBe(0);
    await page.getByLabel('PIN', { exact: true }).fill(GUARD_PIN);
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('region', { name: 'Document' }).waitFor();

    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('button', { name: 'Sign in as another officer' }).click();
    await signIn(page, 'technician', TECHNICIAN_PIN);
    await page.getByRole('navigation').getByRole('link', { name: 'Officers' }).waitFor();
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Lane' }).count()).toBe(0);

    const actions = auditActions(lane.rig().dataDir);
    expect(actions.filter((action) => action === 'lock').length).toBeGreaterThanOrEqual(2);
    expect(actions).toContain('unlock');
    await page.close();
  }, 90_000);

  it('says how many tries are left, then until when the account is locked', async () => {
    const page = await openLane(lane.browser(), lane.rig().served.url);
    await signIn(page, 'uto-guard-3', '11111111');
    await page.getByRole('alert').filter({ hasText: '2 tries left' }).waitFor();
    await signIn(page, 'uto-guard-3', '22222222');
    await page.getByRole('alert').filter({ hasText: '1 try left' }).waitFor();
    await signIn(page, 'uto-guard-3', '33333333');
    await page.getByRole('alert').filter({ hasText: 'locked until' }).waitFor();
    // Even the right PIN is refused while the account is locked.
    await signIn(page, 'uto-guard-3', GUARD_PIN);
    await page.getByRole('alert').filter({ hasText: 'locked until' }).waitFor();
    expect(await page.getByRole('region', { name: 'Document' }).count()).toBe(0);
    await page.close();
  }, 60_000);
});
