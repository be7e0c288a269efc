import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../main/common/contract/content-security-policy.js';
import {
  describeFindings,
  findingsNotAllowed,
  loadAllowlist,
  scanWithElectronegativity,
  stageForScan,
  unparsableFiles,
  unusedAllowlistEntries,
} from './electronegativity-check.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const allowlistFile = path.join(repoRoot, 'main/electron/security/electronegativity-allowlist.json');
const requireFromHere = createRequire(import.meta.url);
const electronVersion = (requireFromHere('electron/package.json') as { version: string }).version;
const SCAN_TIMEOUT_MS = 120_000;

const workDirs: string[] = [];
async function workDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sahman-electronegativity-'));
  workDirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(workDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The shell's sources and the files tsc emits for them (main/x.ts -> dist/main/x.js, .cts -> .cjs). */
const SHELL_SOURCES = [
  { dir: 'main/electron', from: '.ts', to: '.js' },
  { dir: 'main/preload', from: '.cts', to: '.cjs' },
] as const;

async function mtime(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * The built file for every shell source, and those missing or older than
 * their source. Scanning only these leaves out leftovers of deleted sources,
 * and a stale build fails loudly instead of scanning yesterday's code.
 */
async function builtShellFiles(): Promise<{ outputs: Set<string>; stale: string[] }> {
  const outputs = new Set<string>();
  const stale: string[] = [];
  for (const source of SHELL_SOURCES) {
    const entries = await readdir(path.join(repoRoot, source.dir), { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (!entry.isFile() || !entry.name.endsWith(source.from) || entry.name.endsWith('.d.ts')) continue;
      const sourcePath = path.relative(repoRoot, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
      const outputPath = `dist/${sourcePath.slice(0, -source.from.length)}${source.to}`;
      outputs.add(outputPath);
      const [sourceTime, outputTime] = await Promise.all([mtime(path.join(repoRoot, sourcePath)), mtime(path.join(repoRoot, outputPath))]);
      if (sourceTime === undefined || outputTime === undefined || outputTime < sourceTime) stale.push(outputPath);
    }
  }
  return { outputs, stale };
}

describe('the Electron security check (Electronegativity over the built shell)', () => {
  test.concurrent(
    'finds nothing in dist/main/electron and dist/main/preload beyond the reviewed allowlist',
    async () => {
      const { outputs, stale } = await builtShellFiles();
      expect(stale, 'dist/ is missing or older than the shell sources: run `npm run build` (or `npx tsc -p tsconfig.build.json`) first').toEqual([]);

      const stagingDir = path.join(await workDir(), 'input');
      const staged = await stageForScan(repoRoot, ['dist/main/electron', 'dist/main/preload'], stagingDir, (repoPath) => outputs.has(repoPath));
      expect(staged.map((file) => file.repoPath)).toEqual(expect.arrayContaining(['dist/main/electron/main.js', 'dist/main/preload/preload.cjs']));
      expect(await unparsableFiles(stagingDir, staged), 'files the scanner cannot parse are files it did not check').toEqual([]);

      const findings = await scanWithElectronegativity(stagingDir, staged, { electronVersion, reportFile: path.join(stagingDir, '..', 'report.sarif') });
      const allowlist = await loadAllowlist(allowlistFile);

      const notAllowed = findingsNotAllowed(findings, allowlist);
      expect(notAllowed, `Electronegativity findings not in ${path.relative(repoRoot, allowlistFile)}:\n${describeFindings(notAllowed)}`).toEqual([]);
      expect(unusedAllowlistEntries(findings, allowlist), 'allowlist entries that match no finding any more: remove them').toEqual([]);
    },
    SCAN_TIMEOUT_MS,
  );

  test.concurrent(
    'fails on an insecure main process (contextIsolation: false)',
    async () => {
      const stagingDir = path.join(await workDir(), 'input');
      const staged = await stageForScan(repoRoot, ['test/fixtures/electronegativity/insecure'], stagingDir);
      const findings = await scanWithElectronegativity(stagingDir, staged, { electronVersion, reportFile: path.join(stagingDir, '..', 'report.sarif') });

      const notAllowed = findingsNotAllowed(findings, await loadAllowlist(allowlistFile));
      expect(notAllowed).toContainEqual(
        expect.objectContaining({ ruleId: 'CONTEXT_ISOLATION_JS_CHECK', file: 'test/fixtures/electronegativity/insecure/main.js' }),
      );
    },
    SCAN_TIMEOUT_MS,
  );

  test('the CSP header, which the scanner cannot see, passes the CSP evaluator it would use', () => {
    const csp = requireFromHere('@doyensec/csp-evaluator') as {
      CspParser: new (policy: string) => { csp: unknown };
      CspEvaluator: new (parsed: unknown, version: unknown) => { evaluate(): { severity: number; description: string }[] };
      Version: { CSP3: unknown };
      severities: { HIGH: number; SYNTAX: number; MEDIUM: number };
    };
    const findings = new csp.CspEvaluator(new csp.CspParser(CONTENT_SECURITY_POLICY).csp, csp.Version.CSP3).evaluate();
    // Only "maybe" notes may remain (that 'self' could host JSONP or uploads: app:// serves our read-only build only).
    const serious = findings.filter((finding) => [csp.severities.HIGH, csp.severities.SYNTAX, csp.severities.MEDIUM].includes(finding.severity));
    expect(serious).toEqual([]);
  });
});
