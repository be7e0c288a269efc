import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { defaultConfig, type ApplianceConfig } from '../../../main/common/contract/config.js';
import { CrossingRecord } from '../../../main/common/contract/crossing.js';
import { frameDocument } from '../../../drivers/framing/framings.js';
import { formatMrz, type MrzInput } from '../../../main/common/icao/index.js';
import { builtCli, repoRoot, startServe, type ServedAppliance } from '../../rigs/built-cli.js';
import { startPtyPair, type PtyPair } from '../../rigs/socat.js';

export const SCREENSHOT_DIR = path.join(repoRoot, 'test', '.artifacts', 'screenshots');

/** A lane as a guard meets it: `sahman serve` with a real pty reader and the on-demand simulator. */
export interface LaneRig {
  readonly dataDir: string;
  readonly pty: PtyPair;
  served: ServedAppliance;
  /** Starts `sahman serve` again on the same data folder and port (a new token, as every start). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startLaneRig(
  change: (config: ApplianceConfig) => ApplianceConfig = (config) => config,
  /** What the data folder holds before the first start (e.g. the appliance key central already knows). */
  prepare: (dataDir: string) => void = () => undefined,
): Promise<LaneRig> {
  // Made here, not with tempDir: a rig lives across the tests of a file, and is removed by close().
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sahman-e2e-'));
  const pty = await startPtyPair();
  const config: ApplianceConfig = change({
    ...defaultConfig('uto-e2e-lane-3'),
    lane: 3,
    crossingPoint: { code: 'UTO-NORTH', name: 'Utopia North' },
    readers: [
      { id: 'passport', spec: pty.serialSpec() },
      { id: 'simulator', spec: 'sim:?interval=0' },
    ],
  });
  writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify(config));
  prepare(dataDir);
  const served = await startServe(['--data', dataDir, '--port', '0']);
  const rig: LaneRig = {
    dataDir,
    pty,
    served,
    async restart() {
      rig.served = await startServe(['--data', dataDir, '--port', String(served.port)]);
    },
    async close() {
      await rig.served.stop();
      await pty.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return rig;
}

/** The first technician's one-time PIN, from the file a fresh appliance writes. */
export function firstTechnicianPin(dataDir: string): string {
  const text = readFileSync(path.join(dataDir, 'first-technician-pin.txt'), 'utf8');
  const pin = /One-time PIN: (\d+)/.exec(text)?.[1];
  if (pin === undefined) throw new Error('no one-time PIN in the first-technician file');
  return pin;
}

export async function openLane(browser: Browser, url: string, viewport = { width: 1280, height: 800 }, language = 'en'): Promise<Page> {
  const page = await browser.newPage({ viewport });
  // Page code as text: the tests are type-checked without the DOM library.
  await page.addInitScript(`if (localStorage.getItem('sahman.language') === null) localStorage.setItem('sahman.language', ${JSON.stringify(language)});`);
  await page.goto(url);
  return page;
}

export async function signIn(page: Page, officerId: string, pin: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Officer ID' }).fill(officerId);
  await page.getByLabel('PIN', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function changePin(page: Page, current: string, next: string): Promise<void> {
  await page.getByLabel('Current PIN').fill(current);
  await page.getByLabel('New PIN', { exact: true }).fill(next);
  await page.getByLabel('Repeat new PIN').fill(next);
  await page.getByRole('button', { name: 'Change PIN' }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
}

/** A technician account set up through the UI: first sign-in with the one-time PIN, then a PIN of their own. */
export async function setUpTechnician(page: Page, dataDir: string, pin: string): Promise<void> {
  await signIn(page, 'technician', firstTechnicianPin(dataDir));
  await changePin(page, firstTechnicianPin(dataDir), pin);
  await page.getByRole('navigation').waitFor();
}

/** Creates an officer on the Officers screen and answers the one-time PIN it shows once. */
export async function createOfficer(page: Page, id: string, name: string, roles: readonly ('Guard' | 'Supervisor' | 'Technician')[]): Promise<string> {
  await page.getByRole('navigation').getByRole('link', { name: 'Officers' }).click();
  await page.getByRole('button', { name: 'Add officer' }).click();
  const form = page.getByRole('form', { name: 'Add officer' });
  await form.getByRole('textbox', { name: 'Officer ID' }).fill(id);
  await form.getByRole('textbox', { name: 'Name' }).fill(name);
  for (const role of ['Guard', 'Supervisor', 'Technician'] as const) {
    const box = form.getByRole('checkbox', { name: role });
    if ((await box.count()) === 0) continue;
    await box.setChecked(roles.includes(role));
  }
  await form.getByRole('button', { name: 'Create' }).click();
  const pin = page.getByLabel('One-time PIN', { exact: true });
  await pin.waitFor();
  const text = (await pin.textContent()) ?? '';
  // Plain code, not expect: the benchmarks drive the lane through this rig too.
  if (!/^\d{8}$/.test(text)) throw new Error(`the one-time PIN shown is not 8 digits: "${text}"`);
  return text;
}

/**
 * A guard ready at the lane, set up as on a fresh appliance: the technician's first
 * sign-in, the guard created on the Officers screen, then the guard's own first sign-in.
 */
export async function setUpGuard(page: Page, dataDir: string, guard: { readonly id: string; readonly name: string; readonly pin: string }, technicianPin: string): Promise<void> {
  await setUpTechnician(page, dataDir, technicianPin);
  const oneTime = await createOfficer(page, guard.id, guard.name, ['Guard']);
  await signOut(page);
  await signIn(page, guard.id, oneTime);
  await changePin(page, oneTime, guard.pin);
  await page.getByRole('region', { name: 'Document' }).getByText('Present a document').waitFor();
}

/** A generated Utopian traveller's zone (never a real person). */
export function travellerZone(change: Partial<MrzInput> = {}): string[] {
  const today = new Date();
  const inYears = (years: number): string => new Date(Date.UTC(today.getUTCFullYear() + years, today.getUTCMonth(), Math.min(today.getUTCDate(), 28))).toISOString().slice(0, 10);
  return formatMrz(
    {
      documentCode: 'P',
      issuingState: 'UTO',
      documentNumber: 'UT4821936',
      nationality: 'UTO',
      birthDate: '1986-03-14',
      sex: 'M',
      expiryDate: inYears(6),
      surname: 'HOVHANNISYAN',
      givenNames: 'ARAM',
      ...change,
    },
    'TD3',
  ).split('\n');
}

/** The bytes the pty reader sends for a zone (CR after each line). */
export function readerBytes(lines: readonly string[]): Buffer {
  return frameDocument(lines, { kind: 'lines' });
}

/** `sahman export` on the data folder, as a supervisor would run it: the recorded crossings (not their voids or resolutions), checked against the record schema. */
export function exportedCrossings(dataDir: string): CrossingRecord[] {
  const text = execFileSync(process.execPath, [builtCli, 'export', '--data', dataDir, '--format', 'jsonl'], { encoding: 'utf8' });
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line): unknown => JSON.parse(line))
    .filter((record) => typeof record === 'object' && record !== null && 'kind' in record && record.kind === 'crossing')
    .map((record) => CrossingRecord.parse(record));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
