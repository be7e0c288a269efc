import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { RestartPolicy } from '../../../../main/electron/core-host/restart-policy.js';
import { reloadAfterRendererCrash, type RecoverableWindow } from '../../../../main/electron/window/renderer-recovery.js';
import { FakeBrowserWindow, fakeEvent, resetFakeElectron } from '../fake-electron.js';

const ENTRY = 'app://sahman/index.html';
let window: FakeBrowserWindow;

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
  resetFakeElectron();
  window = new FakeBrowserWindow({});
  const policy = new RestartPolicy({ initialDelayMs: 500, maxDelayMs: 30_000, multiplier: 2, jitterRatio: 0.2, healthyAfterMs: 60_000 }, () => 0.5);
  reloadAfterRendererCrash(window as unknown as RecoverableWindow, ENTRY, policy, () => Date.now());
  const stderr = vi.spyOn(process.stderr, 'write').mockReturnValue(true);
  return () => {
    stderr.mockRestore();
  };
});

afterEach(() => {
  vi.useRealTimers();
});

function rendererGone(reason: string): void {
  window.webContents.emit('render-process-gone', fakeEvent(), { reason, exitCode: 139 });
}

describe('renderer crash recovery', () => {
  test('reloads the UI after a backoff when the renderer crashes', () => {
    rendererGone('crashed');
    vi.advanceTimersByTime(499);
    expect(window.loadedUrls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(window.loadedUrls).toEqual([ENTRY]);
  });

  test('backs off when the renderer keeps crashing, and starts afresh after a healthy run', () => {
    rendererGone('crashed');
    vi.advanceTimersByTime(500);
    rendererGone('oom');
    vi.advanceTimersByTime(999);
    expect(window.loadedUrls).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(window.loadedUrls).toHaveLength(2);

    window.webContents.emit('did-finish-load');
    vi.advanceTimersByTime(60_000);
    rendererGone('crashed');
    vi.advanceTimersByTime(500);
    expect(window.loadedUrls).toHaveLength(3);
  });

  test('does nothing on a clean exit (the app is closing)', () => {
    rendererGone('clean-exit');
    vi.advanceTimersByTime(60_000);
    expect(window.loadedUrls).toEqual([]);
  });
});
