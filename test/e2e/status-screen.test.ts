import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { defaultConfig } from '../../main/common/contract/config.js';
import { startServe } from '../rigs/built-cli.js';
import { launchChromium } from '../rigs/chromium.js';
import { tempDir } from '../rigs/temp-dir.js';

function parseUptime(text: string): number {
  const parts = text.split(':').map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

describe('end to end: the status screen in Chromium against `sahman serve`', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('shows the lane from the config and the core uptime ticking, then the link dropping', async () => {
    const dataDir = tempDir();
    writeFileSync(
      path.join(dataDir, 'config.json'),
      JSON.stringify({ ...defaultConfig('uto-e2e-lane-7'), lane: 7, crossingPoint: { code: 'UTO-E2E', name: 'Utopia test crossing' } }),
    );
    const served = await startServe(['--data', dataDir, '--port', '0']);
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    try {
      await page.goto(served.url);
      const state = page.getByTestId('link-state');
      await expect.poll(() => state.getAttribute('data-state')).toBe('connected');
      await expect.poll(() => page.getByTestId('lane').textContent()).toBe('7');
      expect(await page.getByTestId('crossing-point').textContent()).toBe('Utopia test crossing (UTO-E2E)');
      expect(await page.getByTestId('appliance-id').textContent()).toBe('uto-e2e-lane-7');
      // The default config's simulated reader comes up, so the technician sees readers at a glance.
      await expect.poll(() => page.getByTestId('reader-simulator').getAttribute('data-state')).toBe('ready');
      // The token leaves the address bar once read, so it is not shared by a screenshot or copy.
      expect(page.url()).not.toContain('token');

      const uptime = page.getByTestId('uptime');
      await expect.poll(async () => /^\d+:\d\d:\d\d$/.test((await uptime.textContent()) ?? '')).toBe(true);
      const first = parseUptime((await uptime.textContent()) ?? '');
      await expect.poll(async () => parseUptime((await uptime.textContent()) ?? ''), { timeout: 5000 }).toBeGreaterThan(first);

      await served.stop();
      await expect.poll(() => state.getAttribute('data-state'), { timeout: 5000 }).toBe('reconnecting');
      expect(await state.textContent()).toMatch(/Reconnecting/);
      expect(problems.filter((text) => !text.includes('WebSocket'))).toEqual([]);
    } finally {
      await page.close();
      await served.stop();
    }
  });

  it('tells the user how to connect when the address has no token', async () => {
    const served = await startServe(['--data', tempDir(), '--port', '0']);
    const page = await browser.newPage();
    try {
      await page.goto(`${served.origin}/`);
      const state = page.getByTestId('link-state');
      await expect.poll(() => state.getAttribute('data-state')).toBe('no-token');
      expect(await state.textContent()).toContain('sahman serve');
    } finally {
      await page.close();
      await served.stop();
    }
  });
});
