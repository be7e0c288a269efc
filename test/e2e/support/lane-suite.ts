import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { ApplianceConfig } from '../../../main/common/contract/config.js';
import { launchChromium } from '../../rigs/chromium.js';
import { startLaneRig, type LaneRig } from './lane-rig.js';

/** Chromium and a lane for every test of a describe block, started before the first and closed after the last. */
export function laneSuite(change?: (config: ApplianceConfig) => ApplianceConfig): { browser(): Browser; rig(): LaneRig } {
  let browser: Browser | undefined;
  let rig: LaneRig | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    rig = await startLaneRig(change);
  });
  afterAll(async () => {
    await browser?.close();
    await rig?.close();
  });
  return {
    browser: () => {
      if (browser === undefined) throw new Error('the lane suite has not started');
      return browser;
    },
    rig: () => {
      if (rig === undefined) throw new Error('the lane suite has not started');
      return rig;
    },
  };
}
