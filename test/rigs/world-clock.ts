import { onTestFinished, vi } from 'vitest';

/**
 * Fakes only Date, and keeps it running, until the test ends: vi.setSystemTime then
 * makes hours pass at once for everything that reads the wall clock (the core, a
 * central in this process), while timers, and so every poll and wait, stay real.
 */
export function fakeWallClock(): void {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  onTestFinished(() => {
    vi.useRealTimers();
  });
}
