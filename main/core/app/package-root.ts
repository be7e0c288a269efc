import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installed package's root folder. Code runs both from sources (tests) and
 * from dist/ (the built app), at different depths, so walk up to package.json.
 */
function findPackageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown };
      if (manifest.name === 'sahman') return dir;
    } catch {
      // No readable package.json here; keep walking up.
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the sahman package root above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

export const packageRoot: string = findPackageRoot();

export const appVersion: string = ((): string => {
  const manifest = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
})();

/** Where `vite build` puts the UI. */
export const builtRendererDir: string = path.join(packageRoot, 'dist', 'renderer');
