import type { Page } from 'playwright-core';

/** The page's frames while `during` runs: the longest, and how many took over 50 ms. */
export async function framesDuring(page: Page, during: () => Promise<void>): Promise<{ longestMs: number; over50ms: number; frames: number }> {
  await page.evaluate(() => {
    // The page's own requestAnimationFrame; the bench is type-checked without the DOM library. No named
    // functions in here: tsx would wrap them in a helper the page does not have.
    const raf = (globalThis as unknown as { requestAnimationFrame: (callback: (now: number) => void) => number }).requestAnimationFrame;
    const state: { last: number; longest: number; over: number; frames: number; running: boolean; tick?: (now: number) => void } = { last: performance.now(), longest: 0, over: 0, frames: 0, running: true };
    state.tick = (now: number): void => {
      const gap = now - state.last;
      state.last = now;
      state.frames += 1;
      state.longest = Math.max(state.longest, gap);
      if (gap > 50) state.over += 1;
      if (state.running && state.tick !== undefined) raf(state.tick);
    };
    (globalThis as unknown as { benchFrames: typeof state }).benchFrames = state;
    raf(state.tick);
  });
  await during();
  return page.evaluate(() => {
    const state = (globalThis as unknown as { benchFrames: { longest: number; over: number; frames: number; running: boolean } }).benchFrames;
    state.running = false;
    return { longestMs: state.longest, over50ms: state.over, frames: state.frames };
  });
}
