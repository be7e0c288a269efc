import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the shell finds the rest of the built app, relative to its own compiled module. */
export interface ShellPaths {
  /** dist/renderer: the Vite build served over app://. */
  readonly rendererDir: string;
  /** dist/main/preload/preload.cjs: tsc emits the .cts preload as CommonJS, which a sandboxed preload must be. */
  readonly preloadPath: string;
  /** dist/main/core/hosts/utility/core-process.js: the core's utility-process entry. */
  readonly coreEntryPath: string;
}

/**
 * Resolves the paths from the URL of dist/main/electron/main.js. Computed
 * from the module, not the working directory, so it holds inside app.asar and
 * wherever the app is launched from.
 */
export function shellPaths(mainModuleUrl: string): ShellPaths {
  const electronDir = path.dirname(fileURLToPath(mainModuleUrl));
  const distMainDir = path.dirname(electronDir);
  return {
    rendererDir: path.join(path.dirname(distMainDir), 'renderer'),
    preloadPath: path.join(distMainDir, 'preload', 'preload.cjs'),
    coreEntryPath: path.join(distMainDir, 'core', 'hosts', 'utility', 'core-process.js'),
  };
}
