import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { defaultConfig } from '../../main/common/contract/config.js';
import { startServe } from '../rigs/built-cli.js';
import { launchChromium } from '../rigs/chromium.js';
import { tempDir } from '../rigs/temp-dir.js';

describe('end to end: the status bar in Chromium against `sahman serve`, before anyone signs in', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('shows the crossing point and lane from the config and each reader, then the link dropping', async () => {
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
      await page.addInitScript("localStorage.setItem('sahman.language', 'en')");
      await page.goto(served.url);
      const bar = page.getByRole('contentinfo', { name: 'Lane status' });
      const state = bar.getByTestId('link-state');
      await expect.poll(() => state.getAttribute('data-state')).toBe('connected');
      await bar.getByText('Utopia test crossing').waitFor();
      await bar.getByText('Lane 7').waitFor();
      // The default config's simulated reader comes up, so a technician sees readers at a glance, in word and icon.
      const reader = bar.getByTestId('reader-simulator');
      await expect.poll(() => reader.getAttribute('data-tone')).toBe('ok');
      expect(await reader.textContent()).toContain('simulator: Ready');
      // The token leaves the address bar once read, so it is not shared by a screenshot or copy.
      expect(page.url()).not.toContain('token');
      await bar.getByTestId('status-clock').filter({ hasText: /\d\d:\d\d:\d\d/ }).waitFor();

      // Nothing went wrong while the core was there; once it is gone, only the requests that cannot reach it fail.
      expect(problems).toEqual([]);
      await served.stop();
      await expect.poll(() => state.getAttribute('data-state'), { timeout: 5000 }).toBe('reconnecting');
      expect(await state.textContent()).toMatch(/unreachable: reconnecting/);
      expect(problems.filter((text) => !text.includes('WebSocket') && !text.startsWith('Failed to load resource: net::ERR_CONNECTION'))).toEqual([]);
    } finally {
      await page.close();
      await served.stop();
    }
  });

  it('tells the user how to connect when the address has no token', async () => {
    const served = await startServe(['--data', tempDir(), '--port', '0']);
    const page = await browser.newPage();
    try {
      await page.addInitScript("localStorage.setItem('sahman.language', 'en')");
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
