import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { shellPaths } from '../../../main/electron/shell-paths.js';

describe('shell paths', () => {
  const root = path.resolve('/opt/Sahman/resources/app.asar');
  const paths = shellPaths(pathToFileURL(path.join(root, 'dist/main/electron/main.js')).href);

  test('find the renderer build, the preload and the core entry next to the built main', () => {
    expect(paths).toEqual({
      rendererDir: path.join(root, 'dist/renderer'),
      preloadPath: path.join(root, 'dist/main/preload/preload.cjs'),
      coreEntryPath: path.join(root, 'dist/main/core/hosts/utility/core-process.js'),
    });
  });

  test('name built files whose sources exist where tsc takes them from', () => {
    const repoRoot = path.resolve(import.meta.dirname, '../../..');
    // tsc maps main/preload/preload.cts to dist/main/preload/preload.cjs and main/electron/main.ts to dist/main/electron/main.js.
    expect(existsSync(path.join(repoRoot, 'main/preload/preload.cts'))).toBe(true);
    expect(existsSync(path.join(repoRoot, 'main/electron/main.ts'))).toBe(true);
  });
});
