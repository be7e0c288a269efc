/**
 * The technician's raw monitor at 115,200 baud, in Debian's Chromium against `sahman serve`:
 * a pty reader receives continuous bytes at the line's rate (11,520 bytes a second: 8 data
 * bits, a start and a stop bit) for `SAHMAN_BENCH_RAW_SECONDS` (30 by default) while the
 * Readers screen shows them. Reported:
 * - keeping up: the bytes the page counted as received against those written, the lag from
 *   the last byte written to the page counting it, and the bytes the core had to leave out;
 * - bounded memory: the page's JS heap (after a forced GC) and DOM nodes a few seconds in and
 *   at the end, as a ratio;
 * - the longest frame the page drew from the first sample to the last byte (requestAnimationFrame).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession, Locator } from 'playwright-core';
import { defaultConfig } from '../../../main/common/contract/config.js';
import { seededRandom } from '../../../drivers/simulator/seeded-random.js';
import { startServe } from '../../rigs/built-cli.js';
import { launchChromium } from '../../rigs/chromium.js';
import { startPtyPair, type PtyPair } from '../../rigs/socat.js';
import { openLane, setUpTechnician } from '../../e2e/support/lane-rig.js';
import { framesDuring } from '../frame-probe.js';
import { atMost, round, type BenchSuite } from '../suite.js';

const SECONDS = Number(process.env.SAHMAN_BENCH_RAW_SECONDS ?? 30);
const BYTES_PER_SECOND = 115_200 / 10;
const TICK_MS = 50;
const TECHNICIAN_PIN = '61830274';

/** Printable text with line ends, like a reader's output: the text column has something to show. */
function lineNoise(random: () => number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let index = 0; index < length; index += 1) bytes[index] = index % 45 === 44 ? 0x0d : 0x3c + Math.floor(random() * 30);
  return bytes;
}

async function writeAtLineRate(pty: PtyPair, seconds: number): Promise<number> {
  const random = seededRandom(115200);
  const perTick = Math.round((BYTES_PER_SECOND * TICK_MS) / 1000);
  const started = performance.now();
  let written = 0;
  for (let tick = 0; tick < (seconds * 1000) / TICK_MS; tick += 1) {
    const wait = started + tick * TICK_MS - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await pty.write(lineNoise(random, perTick));
    written += perTick;
  }
  return written;
}

async function receivedCount(monitor: Locator): Promise<number> {
  const text = (await monitor.textContent()) ?? '';
  const match = /([\d,\u00a0 ]+) bytes? received/.exec(text);
  return match?.[1] === undefined ? 0 : Number(match[1].replace(/\D/g, ''));
}

async function droppedCount(monitor: Locator): Promise<number> {
  const text = (await monitor.textContent()) ?? '';
  const match = /([\d,\u00a0 ]+) bytes? dropped/.exec(text);
  return match?.[1] === undefined ? 0 : Number(match[1].replace(/\D/g, ''));
}

async function pageMemory(cdp: CDPSession): Promise<{ heapBytes: number; nodes: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const metrics = await cdp.send('Performance.getMetrics');
  return { heapBytes: heap.usedSize, nodes: metrics.metrics.find((metric) => metric.name === 'Nodes')?.value ?? 0 };
}

export const suite: BenchSuite = {
  name: 'readers',
  async run() {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sahman-bench-readers-'));
    const pty = await startPtyPair();
    const browser = await launchChromium();
    try {
      writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ ...defaultConfig('uto-bench'), readers: [{ id: 'desk', spec: pty.serialSpec('baud=115200&framing=lines') }] }));
      const served = await startServe(['--data', dataDir, '--port', '0'], 60_000);
      try {
        const page = await openLane(browser, served.url);
        await setUpTechnician(page, dataDir, TECHNICIAN_PIN);
        await page.getByRole('navigation').getByRole('link', { name: 'Readers' }).click();
        await page.getByRole('combobox', { name: 'Reader' }).selectOption('desk');
        const monitor = page.getByRole('region', { name: 'Raw monitor' });
        await monitor.getByText('Watching desk: no byte yet.').waitFor();
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Performance.enable');

        const writing = writeAtLineRate(pty, SECONDS);
        await new Promise((resolve) => setTimeout(resolve, 5000));
        // The forced GC of the first sample stalls the page itself: frames are counted after it.
        const early = await pageMemory(cdp);
        let written = 0;
        const frames = await framesDuring(page, async () => {
          written = await writing;
        });
        const lastWrittenAt = performance.now();
        while ((await receivedCount(monitor)) < written && performance.now() - lastWrittenAt < 10_000) await new Promise((resolve) => setTimeout(resolve, 20));
        const lagMs = performance.now() - lastWrittenAt;
        const received = await receivedCount(monitor);
        const dropped = await droppedCount(monitor);
        const late = await pageMemory(cdp);
        await page.close();
        return {
          seconds: SECONDS,
          bytesPerSecond: BYTES_PER_SECOND,
          written,
          receivedOnPage: received,
          droppedByCore: atMost(dropped, 0, 'bytes'),
          lagAfterLastByteMs: atMost(round(lagMs, 0), 1000, 'ms'),
          pageHeap: {
            after5sMiB: round(early.heapBytes / 2 ** 20, 2),
            atEndMiB: round(late.heapBytes / 2 ** 20, 2),
            ratio: atMost(round(late.heapBytes / early.heapBytes, 2), 1.25, 'x'),
          },
          domNodes: { after5s: early.nodes, atEnd: late.nodes, ratio: atMost(round(late.nodes / Math.max(1, early.nodes), 2), 1.25, 'x') },
          frames: { longestMs: round(frames.longestMs, 1), over50ms: frames.over50ms, frames: frames.frames },
          note: 'continuous bytes written to a pty at 115,200 baud (11,520 bytes/s in 50 ms slices); the page counts what it received from the readers.raw stream',
        };
      } finally {
        await served.stop();
      }
    } finally {
      await browser.close();
      await pty.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
