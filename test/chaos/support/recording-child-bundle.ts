import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { repoRoot } from '../../rigs/built-cli.js';

/**
 * The chaos tests' victim runs as the shipped core does: one esbuild bundle with
 * the native modules left outside (the `bundle` script's settings). Starting it
 * through tsx costs about 2 s a start on this machine, which dozens of restarts
 * cannot afford; the bundle starts in well under one. It is written under
 * test/.artifacts (git-ignored) so that the core still finds its package root
 * and node_modules from there.
 */
export async function buildRecordingChild(name: string): Promise<{ file: string; remove: () => void }> {
  const file = path.join(repoRoot, 'test', '.artifacts', 'chaos', `${name}-${String(process.pid)}.mjs`);
  mkdirSync(path.dirname(file), { recursive: true });
  await build({
    entryPoints: [path.join(repoRoot, 'test', 'chaos', 'support', 'recording-child.ts')],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    external: ['better-sqlite3', 'serialport', '@serialport/*', 'node-hid', 'smartcard', 'electron'],
    banner: { js: "import { createRequire as sahmanCreateRequire } from 'node:module'; const require = sahmanCreateRequire(import.meta.url);" },
  });
  return { file, remove: () => rmSync(file, { force: true }) };
}
