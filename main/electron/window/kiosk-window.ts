import { BrowserWindow } from 'electron';
import { logShell } from '../log.js';
import { APP_ENTRY_URL } from '../protocol/app-origin.js';

export interface KioskWindowOptions {
  /** Absolute path of the compiled, sandboxed preload (preload.cjs). */
  readonly preloadPath: string;
  /** DevTools only in development: a packaged kiosk must not open an inspector. */
  readonly devTools: boolean;
}

/**
 * The single full-screen kiosk window showing the bundled UI from app://.
 *
 * Every web preference that matters for security is spelled out, even where it
 * equals Electron's default, so an upstream default change cannot loosen the
 * kiosk. They stay an inline literal on purpose: the security scan of the
 * built JS reads them here and would not follow a helper function.
 */
export function createKioskWindow(options: KioskWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    kiosk: true,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#000000',
    title: 'Sahman',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Middle-click would otherwise try to open links in a new window (denied anyway; this stops the attempt).
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: options.devTools,
      spellcheck: false,
    },
  });
  // Shown on first paint, so the guard never sees a blank frame.
  window.once('ready-to-show', () => {
    window.show();
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    // Show the window anyway: a visible failure beats a kiosk that stays dark.
    logShell('error', 'the UI failed to load', { url: APP_ENTRY_URL, error });
    if (!window.isDestroyed()) window.show();
  });
  return window;
}
