import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, Menu, session, type BrowserWindow } from 'electron';
import { CoreSupervisor } from './core-host/core-supervisor.js';
import { createMessagePortPair, spawnCoreInUtilityProcess } from './core-host/utility-core-process.js';
import { handleCorePortRequests } from './ipc/core-port-requests.js';
import { webContentsCoreClient } from './ipc/web-contents-client.js';
import { coreProcessArguments, parseLaunchOptions, type LaunchOptionsResult } from './launch-options.js';
import { logShell } from './log.js';
import { APP_ENTRY_URL } from './protocol/app-origin.js';
import { registerAppSchemeAsPrivileged, serveAppProtocol } from './protocol/app-protocol.js';
import { hardenSession } from './security/session-hardening.js';
import { hardenWebContents } from './security/web-contents-hardening.js';
import { shellPaths, type ShellPaths } from './shell-paths.js';
import { createKioskWindow } from './window/kiosk-window.js';
import { reloadAfterRendererCrash } from './window/renderer-recovery.js';

/** What the shell reads from its process; passed in so the composition runs the same under test. */
export interface ShellEnvironment {
  /** import.meta.url of dist/main/electron/main.js: the other built parts are found relative to it. */
  readonly mainModuleUrl: string;
  readonly argv: readonly string[];
  readonly cwd: string;
}

/**
 * Starts the kiosk shell. The first three calls must happen before the app is
 * ready; under ESM only the entry module's synchronous top level is sure to,
 * so this function must be called from there and must not await before them.
 */
export function launchShell(environment: ShellEnvironment): void {
  app.enableSandbox();
  registerAppSchemeAsPrivileged();
  if (!app.requestSingleInstanceLock()) {
    // Another Sahman owns the data folder and the devices; it is told to come to the front ('second-instance').
    app.quit();
    return;
  }
  runShell(shellPaths(environment.mainModuleUrl), parseLaunchOptions(environment.argv, environment.cwd));
}

function runShell(paths: ShellPaths, launch: LaunchOptionsResult): void {
  let kioskWindow: BrowserWindow | undefined;
  const coreArgs = coreProcessArguments(launch.ok ? launch.options : {}, path.join(app.getPath('userData'), 'data'));
  const supervisor = new CoreSupervisor({
    spawn: spawnCoreInUtilityProcess(paths.coreEntryPath, coreArgs),
    createPortPair: createMessagePortPair,
  });

  // Every WebContents, not only the kiosk's: a policy applied per window misses the ones nobody planned for.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents);
  });
  app.on('second-instance', () => {
    if (kioskWindow === undefined || kioskWindow.isDestroyed()) return;
    if (kioskWindow.isMinimized()) kioskWindow.restore();
    kioskWindow.focus();
  });
  app.on('window-all-closed', () => {
    app.quit();
  });
  app.on('before-quit', () => {
    supervisor.stop();
  });

  app
    .whenReady()
    .then(() => {
      // No menu: its accelerators (reload, zoom, devtools) have no place on a kiosk.
      Menu.setApplicationMenu(null);
      hardenSession(session.defaultSession);
      serveAppProtocol(paths.rendererDir);
      handleCorePortRequests((sender) => {
        supervisor.attachClient(webContentsCoreClient(sender));
      });
      kioskWindow = createKioskWindow({ preloadPath: paths.preloadPath, devTools: !app.isPackaged });
      reloadAfterRendererCrash(kioskWindow, APP_ENTRY_URL);

      if (!launch.ok) {
        supervisor.halt(`Invalid command line: ${launch.error}`);
      } else if (!existsSync(paths.coreEntryPath)) {
        supervisor.halt(`The core is missing from this build (${paths.coreEntryPath}).`);
      } else {
        supervisor.start();
      }
    })
    .catch((error: unknown) => {
      logShell('error', 'the shell failed to start', { error });
      app.exit(1);
    });
}
