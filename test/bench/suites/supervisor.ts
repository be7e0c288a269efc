/**
 * The supervisor's screens over a lane's long history, in Debian's Chromium against `sahman serve`:
 * - first paint: from a click on "Second line" or "Shift" to the screen's queues, lists, charts and
 *   tables showing the stored records, over 1,000,000 records made through the capture use-case
 *   (`SAHMAN_BENCH_RECORDS` sets the count), median of 7 visits each;
 * - live updates: a guard records 50 crossings a second over the RPC for 20 s while each screen
 *   is open; the longest frame the page drew meanwhile (from requestAnimationFrame), and how many
 *   frames took longer than 50 ms.
 */
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { defaultConfig } from '../../../main/common/contract/config.js';
import { seededRandom } from '../../../drivers/simulator/seeded-random.js';
import { startServe } from '../../rigs/built-cli.js';
import { launchChromium } from '../../rigs/chromium.js';
import { addOfficers } from '../../rigs/officers.js';
import { connectClient } from '../../rigs/ws-rpc.js';
import { changePin, openLane, signIn } from '../../e2e/support/lane-rig.js';
import { fillCrossings, traveller } from '../crossing-population.js';
import { atMost, median, round, type BenchSuite } from '../suite.js';
import { framesDuring } from '../frame-probe.js';

const RECORDS = Number(process.env.SAHMAN_BENCH_RECORDS ?? 1_000_000);
const VISITS = 7;
const LIVE_SECONDS = 20;
const LIVE_PER_SECOND = 50;
const SUPERVISOR = { id: 'uto-bench-super', pin: '73920184' };

/** Clicks a screen's link and waits until what it shows from the store is on screen. */
async function visit(page: Page, link: string, ready: (page: Page) => Promise<void>): Promise<number> {
  const started = performance.now();
  await page.getByRole('navigation').getByRole('link', { name: link }).click();
  await ready(page);
  return performance.now() - started;
}

async function secondLineReady(page: Page): Promise<void> {
  await page.getByRole('region', { name: /^Referrals/ }).getByRole('article').first().waitFor();
  await page.getByRole('region', { name: 'Void a crossing' }).getByRole('row').nth(1).waitFor();
  await page.getByRole('region', { name: 'Dead letters' }).getByText('Central has refused nothing.').waitFor();
}

async function shiftReady(page: Page): Promise<void> {
  // The shift's hours hold counts once the store has answered (a table of zeros is drawn before).
  const cells = page.getByRole('table', { name: 'Crossings per hour by decision, this shift' }).getByRole('cell');
  await cells.filter({ hasText: /^[1-9]\d*$/ }).first().waitFor();
}

export const suite: BenchSuite = {
  name: 'supervisor',
  async run() {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sahman-bench-supervisor-'));
    const browser = await launchChromium();
    try {
      // The history ends now, so that the last day and the shift hold crossings as on a working lane.
      const { seconds } = await fillCrossings(dataDir, { records: RECORDS, days: 180, lanes: 4, endMs: Date.now() });
      writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ ...defaultConfig('uto-bench'), readers: [{ id: 'simulator', spec: 'sim:?interval=0' }] }));
      await addOfficers(dataDir, [
        { id: SUPERVISOR.id, pin: '40917362', roles: ['supervisor'] },
        { id: 'uto-bench-guard', pin: '58201937', roles: ['guard'] },
      ]);
      const served = await startServe(['--data', dataDir, '--port', '0'], 120_000);
      try {
        const page = await openLane(browser, served.url);
        await signIn(page, SUPERVISOR.id, '40917362');
        await changePin(page, '40917362', SUPERVISOR.pin).catch(() => undefined);
        await page.getByRole('navigation').waitFor();
        const secondLine: number[] = [];
        const shift: number[] = [];
        for (let round = 0; round < VISITS; round += 1) {
          shift.push(await visit(page, 'Shift', shiftReady));
          secondLine.push(await visit(page, 'Second line', secondLineReady));
        }

        const { client: guard } = await connectClient(served.port, served.token);
        await guard.call('auth.login', { officerId: 'uto-bench-guard', pin: '58201937' });
        const random = seededRandom(77);
        const record = async (): Promise<void> => {
          const assessment = await guard.call('capture.manualEntry', { format: 'TD3', fields: traveller(random, 50_000) });
          await guard.call('capture.record', { assessmentId: assessment.id, direction: 'entry', decision: { outcome: 'admit', reasons: ['documents-in-order'] } });
        };
        const recordAtRate = async (): Promise<number> => {
          const started = performance.now();
          let recorded = 0;
          while (recorded < LIVE_SECONDS * LIVE_PER_SECOND) {
            const due = started + (recorded * 1000) / LIVE_PER_SECOND;
            const wait = due - performance.now();
            if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
            await record();
            recorded += 1;
          }
          return recorded / ((performance.now() - started) / 1000);
        };
        let secondLineRate = 0;
        const secondLineFrames = await framesDuring(page, async () => {
          secondLineRate = await recordAtRate();
        });
        await visit(page, 'Shift', shiftReady);
        let shiftRate = 0;
        const shiftFrames = await framesDuring(page, async () => {
          shiftRate = await recordAtRate();
        });
        guard.close();
        await page.close();
        return {
          records: RECORDS,
          fillSeconds: round(seconds, 1),
          firstPaintMs: {
            secondLine: atMost(round(median(secondLine), 0), 300, 'ms'),
            shift: atMost(round(median(shift), 0), 300, 'ms'),
            visits: VISITS,
            note: 'from the click on the link to the stored records on screen (queue, void list, dead letters; charts and tables), Node-side through playwright-core',
          },
          liveUpdates: {
            crossingsPerSecond: { secondLine: round(secondLineRate, 1), shift: round(shiftRate, 1) },
            secondLine: { longestFrameMs: round(secondLineFrames.longestMs, 1), framesOver50ms: secondLineFrames.over50ms, frames: secondLineFrames.frames },
            shift: { longestFrameMs: round(shiftFrames.longestMs, 1), framesOver50ms: shiftFrames.over50ms, frames: shiftFrames.frames },
            note: `a guard records ${String(LIVE_PER_SECOND)} crossings a second for ${String(LIVE_SECONDS)} s over the RPC while the screen polls the core; frames from requestAnimationFrame`,
          },
        };
      } finally {
        await served.stop();
      }
    } finally {
      await browser.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
