import type { BrowserWindow } from 'electron';
import { RestartPolicy } from '../core-host/restart-policy.js';
import { logShell } from '../log.js';

/** The parts of a window this module uses. */
export type RecoverableWindow = Pick<BrowserWindow, 'isDestroyed' | 'loadURL'> & {
  readonly webContents: Pick<BrowserWindow['webContents'], 'on'>;
};

/**
 * Reloads the UI when its renderer process dies, so a kiosk never sits on a
 * dead page with nobody at a keyboard to reload it. Uses the same backoff as
 * the core: a renderer that crashes on every load is retried ever more slowly
 * instead of in a tight loop.
 */
export function reloadAfterRendererCrash(
  window: RecoverableWindow,
  entryUrl: string,
  restartPolicy: RestartPolicy = new RestartPolicy(),
  now: () => number = Date.now,
): void {
  let loadedAt: number | undefined;
  window.webContents.on('did-finish-load', () => {
    loadedAt = now();
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    const { attempt, delayMs } = restartPolicy.planAfterExit(now(), loadedAt);
    loadedAt = undefined;
    logShell('error', 'the UI renderer died; reloading', { reason: details.reason, exitCode: details.exitCode, attempt, delayMs });
    setTimeout(() => {
      if (window.isDestroyed()) return;
      window.loadURL(entryUrl).catch((error: unknown) => {
        logShell('error', 'the UI failed to reload', { url: entryUrl, error });
      });
    }, delayMs);
  });
}
