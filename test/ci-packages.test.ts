import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLIANCE_SYSTEM_DEPENDENCIES } from '../drivers/system/system-dependencies.js';
import { repoRoot } from './rigs/built-cli.js';

interface PackageLine {
  readonly provides: string;
  readonly debianPackage: string;
}

function listedPackages(): PackageLine[] {
  const text = readFileSync(path.join(repoRoot, '.ci/debian-packages'), 'utf8');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [provides = '', debianPackage = ''] = line.split(/\s+/);
      return { provides, debianPackage };
    });
}

function sourceFiles(): string[] {
  const roots = ['main', 'drivers', 'sync', 'renderer', 'test'];
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'fixtures' && entry.name !== 'node_modules') walk(full);
      } else if (/\.(ts|tsx|cts|js)$/.test(entry.name)) files.push(full);
    }
  };
  for (const root of roots) walk(path.join(repoRoot, root));
  return files;
}

/** Node's own installation provides these: they are not Debian packages on a fresh machine. */
const COMES_WITH_NODE = new Set(['node', 'npm', 'npx']);

/**
 * The programs the code starts by name: a literal first argument to spawn/exec*, or a constant
 * holding an absolute /usr/bin or /bin path. process.execPath (Node itself) is not a package.
 */
function spawnedPrograms(): Map<string, string> {
  const found = new Map<string, string>();
  const byLiteral = /\b(?:spawn|spawnSync|execFile|execFileSync|exec|execSync)\(\s*'([^'\s]+)'/g;
  const byPath = /'\/(?:usr\/)?s?bin\/([\w.+-]+)'/g;
  for (const file of sourceFiles()) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of [byLiteral, byPath]) {
      for (const match of text.matchAll(pattern)) {
        const program = path.basename(match[1] ?? '');
        if (program !== '' && !COMES_WITH_NODE.has(program) && !found.has(program)) found.set(program, path.relative(repoRoot, file));
      }
    }
  }
  return found;
}

describe('the Debian packages CI installs', () => {
  const listed = listedPackages();
  const provided = new Set(listed.map((line) => line.provides));

  it('lists every program that a test, a rig or the appliance starts', () => {
    const programs = spawnedPrograms();
    // The scan must see the rigs' programs, or it proves nothing.
    expect([...programs.keys()]).toEqual(expect.arrayContaining(['socat', 'chromium', 'openssl', 'mount']));
    const unlisted = [...programs].filter(([program]) => !provided.has(program)).map(([program, file]) => `${program} (started in ${file})`);
    expect(unlisted).toEqual([]);
  });

  it('lists what the appliance needs from the system, with the same Debian package', () => {
    for (const dependency of APPLIANCE_SYSTEM_DEPENDENCIES) {
      expect(listed).toContainEqual({ provides: dependency.provides, debianPackage: dependency.debianPackage });
    }
  });

  it('is the list .ci/run installs from', () => {
    const run = readFileSync(path.join(repoRoot, '.ci/run'), 'utf8');
    expect(run).toContain('done < .ci/debian-packages');
    expect(run).toContain('apt-get install');
  });
});
