/**
 * The guard's screen, in Debian's Chromium against `sahman serve` with a real pty reader:
 * - scan to card: from the last byte of a document written to the pty to the card painted
 *   (the page's performance mark after the paint), p50 and p99 over 200 scans;
 * - cold start: from spawning `sahman serve` on a fresh data folder to an interactive sign-in screen;
 * - bundle: the renderer's JavaScript, gzipped, fonts left out;
 * - stability: one scan a second for ten minutes (SAHMAN_BENCH_STABILITY_MINUTES to shorten),
 *   the page's JS heap after a forced GC every minute.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { DocumentGenerator } from '../../../drivers/simulator/document-generator.js';
import { repoRoot, startServe } from '../../rigs/built-cli.js';
import { launchChromium } from '../../rigs/chromium.js';
import { openLane, readerBytes, setUpGuard, startLaneRig, type LaneRig } from '../../e2e/support/lane-rig.js';
import { atMost, median, percentile, round, type BenchSuite } from '../suite.js';

const SCANS = 200;
const WARM_UP_SCANS = 10;
const COLD_STARTS = 5;
const CARD_MARK = 'sahman:card-painted';

function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

function travellers(count: number, seed: number): string[][] {
  const generator = new DocumentGenerator({ formats: ['TD3'], invalid: 0, expired: 0, corrected: 0, alerts: 0, seed });
  return Array.from({ length: count }, () => [...generator.next().lines]);
}

/** The epoch time of the card mark once it names an assessment other than `previous`. */
async function cardPaintedAfter(page: Page, previous: string | null): Promise<{ at: number; assessmentId: string }> {
  // A function, not text: the page's CSP forbids evaluating strings. It runs in the page, where
  // `performance` is the page's own (Node's types describe it well enough).
  const handle = await page.waitForFunction(
    ([name, before]) => {
      const marks = performance.getEntriesByName(name);
      const mark = marks[marks.length - 1] as { readonly startTime: number; readonly detail?: { readonly assessmentId?: string } } | undefined;
      const assessmentId = mark?.detail?.assessmentId;
      if (mark === undefined || assessmentId === undefined || assessmentId === before) return false;
      return { at: performance.timeOrigin + mark.startTime, assessmentId };
    },
    [CARD_MARK, previous] as const,
    { polling: 'raf', timeout: 10_000 },
  );
  return (await handle.jsonValue()) as { at: number; assessmentId: string };
}

async function signedInGuard(browser: Browser, rig: LaneRig): Promise<Page> {
  const page = await openLane(browser, rig.served.url);
  await setUpGuard(page, rig.dataDir, { id: 'uto-bench-guard', name: 'Officer Utopia Bench', pin: '61829304' }, '52816349');
  return page;
}

/** Scans one document and admits it: the latency to the painted card, and whether the core recorded it. */
async function scanAndAdmit(page: Page, rig: LaneRig, lines: readonly string[], previous: string | null): Promise<{ latencyMs: number; assessmentId: string }> {
  const bytes = readerBytes(lines);
  rig.pty.writeNow(bytes);
  const lastByteWritten = epochNow();
  const painted = await cardPaintedAfter(page, previous);
  await page.getByRole('button', { name: 'Admit', exact: true }).click();
  await page.getByRole('region', { name: 'Document' }).getByText('Present a document').waitFor();
  return { latencyMs: painted.at - lastByteWritten, assessmentId: painted.assessmentId };
}

async function scanToCard(browser: Browser): Promise<Record<string, unknown>> {
  const rig = await startLaneRig();
  try {
    const page = await signedInGuard(browser, rig);
    const documents = travellers(WARM_UP_SCANS + SCANS, 41);
    const samples: number[] = [];
    let previous: string | null = null;
    for (const [index, lines] of documents.entries()) {
      const scan = await scanAndAdmit(page, rig, lines, previous);
      previous = scan.assessmentId;
      if (index >= WARM_UP_SCANS) samples.push(scan.latencyMs);
    }
    await page.close();
    return {
      scans: samples.length,
      p50Ms: round(median(samples)),
      p99: atMost(round(percentile(samples, 99)), 100, 'ms'),
      maxMs: round(Math.max(...samples)),
    };
  } finally {
    await rig.close();
  }
}

async function coldStart(browser: Browser): Promise<Record<string, unknown>> {
  const samples: number[] = [];
  for (let run = 0; run < COLD_STARTS; run += 1) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sahman-bench-cold-'));
    const started = epochNow();
    const served = await startServe(['--data', dataDir, '--port', '0']);
    const page = await openLane(browser, served.url);
    try {
      await page.getByRole('textbox', { name: 'Officer ID' }).waitFor();
      await page.getByTestId('link-state').and(page.locator('[data-state="connected"]')).waitFor();
      samples.push(epochNow() - started);
    } finally {
      await page.close();
      await served.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return { runs: samples.length, median: atMost(round(median(samples), 1), 2000, 'ms'), maxMs: round(Math.max(...samples), 1) };
}

function bundle(): Record<string, unknown> {
  const assets = path.join(repoRoot, 'dist', 'renderer', 'assets');
  const scripts = readdirSync(assets).filter((file) => file.endsWith('.js'));
  const gzipped = scripts.map((file) => ({ file, bytes: gzipSync(readFileSync(path.join(assets, file))).length }));
  const total = gzipped.reduce((sum, entry) => sum + entry.bytes, 0);
  return { files: gzipped.length, gzippedKB: atMost(round(total / 1024, 1), 300, 'KB'), largestKB: round(Math.max(...gzipped.map((entry) => entry.bytes)) / 1024, 1) };
}

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usage.usedSize;
}

/**
 * A page's heap grows during its first minute of work (JIT code, type feedback, caches) and then
 * levels off; a leak keeps growing. So the heap is read after a forced GC once a minute, the target
 * is on the growth from the end of the first minute to the end, and the last half's growth shows
 * whether it still climbs.
 */
async function stability(browser: Browser): Promise<Record<string, unknown>> {
  const minutes = Number(process.env.SAHMAN_BENCH_STABILITY_MINUTES ?? '10');
  const rig = await startLaneRig();
  try {
    const page = await signedInGuard(browser, rig);
    const scans = Math.max(30, Math.round(minutes * 60));
    const everyScans = Math.min(60, Math.floor(scans / 3));
    const documents = travellers(scans, 73);
    let previous: string | null = null;
    const heapKB: number[] = [];
    const beat = epochNow();
    for (const [index, lines] of documents.entries()) {
      previous = (await scanAndAdmit(page, rig, lines, previous)).assessmentId;
      if ((index + 1) % everyScans === 0) heapKB.push(round((await heapAfterGc(page)) / 1024, 1));
      // One scan a second, as a busy lane.
      const wait = beat + (index + 1) * 1000 - epochNow();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    await page.close();
    const afterWarmUp = heapKB[0] ?? Number.NaN;
    const middle = heapKB[Math.floor((heapKB.length - 1) / 2)] ?? Number.NaN;
    const end = heapKB[heapKB.length - 1] ?? Number.NaN;
    return {
      minutes,
      scans,
      heapKBEvery: `${String(everyScans)} scans`,
      heapKB,
      growthAfterWarmUpKB: round(end - afterWarmUp, 1),
      growthAfterWarmUpPercent: atMost(round(((end - afterWarmUp) / afterWarmUp) * 100, 1), 10, '%'),
      lastHalfGrowthPercent: round(((end - middle) / middle) * 100, 1),
    };
  } finally {
    await rig.close();
  }
}

export const suite: BenchSuite = {
  name: 'ui',
  async run() {
    const browser = await launchChromium();
    try {
      return {
        bundle: bundle(),
        coldStart: await coldStart(browser),
        scanToCard: await scanToCard(browser),
        stability: await stability(browser),
      };
    } finally {
      await browser.close();
    }
  },
};
