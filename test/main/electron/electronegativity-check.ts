/**
 * The Electron security scan used by electronegativity.test.ts: stage the
 * built JS, run Electronegativity's CLI over it, read its SARIF, and compare
 * the findings with a committed allowlist. Test tooling only; the shell never
 * imports it.
 */
import { execFile } from 'node:child_process';
import { mkdir, copyFile, readdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import * as z from 'zod';

const run = promisify(execFile);
const requireFromHere = createRequire(import.meta.url);

/** A finding, with `file` relative to the repository root (or GLOBAL_FINDING_FILE for app-wide checks). */
export interface Finding {
  readonly ruleId: string;
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/** What app-wide checks (e.g. "no CSP anywhere") report instead of a file. */
export const GLOBAL_FINDING_FILE = '(global)';

const AllowlistEntry = z.object({
  ruleId: z.string().regex(/^[A-Z_]+$/),
  file: z.string().min(1),
  reason: z.string().min(20),
});
export type AllowlistEntry = z.infer<typeof AllowlistEntry>;
const Allowlist = z.object({ entries: z.array(AllowlistEntry) });

export async function loadAllowlist(file: string): Promise<AllowlistEntry[]> {
  return Allowlist.parse(JSON.parse(await readFile(file, 'utf8'))).entries;
}

const SarifLog = z.object({
  runs: z
    .array(
      z.object({
        results: z.array(
          z.object({
            ruleId: z.string(),
            message: z.object({ text: z.string() }),
            locations: z
              .array(
                z.object({
                  physicalLocation: z.object({
                    artifactLocation: z.object({ uri: z.string() }),
                    region: z.object({ startLine: z.number() }).optional(),
                  }),
                }),
              )
              .min(1),
          }),
        ),
      }),
    )
    .length(1),
});

/** A staged copy of one built file: the scanner reads only .js, so .cjs/.mjs are renamed for it. */
interface StagedFile {
  readonly repoPath: string;
  readonly stagedPath: string;
}

const SCANNABLE_EXTENSIONS = new Set(['.js', '.cjs', '.mjs']);

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

function toPosix(filePath: string): string {
  return filePath.split(path.sep).join('/');
}

/**
 * Copies the scannable files of `repoDirs` (relative to `repoRoot`) into
 * `stagingDir` under the same relative paths, .cjs and .mjs renamed to .js:
 * Electronegativity silently skips other extensions, and the sandboxed
 * preload is a .cjs file.
 */
export async function stageForScan(repoRoot: string, repoDirs: readonly string[], stagingDir: string, include: (repoPath: string) => boolean = () => true): Promise<StagedFile[]> {
  const staged: StagedFile[] = [];
  for (const repoDir of repoDirs) {
    for (const file of await listFiles(path.join(repoRoot, repoDir))) {
      const extension = path.extname(file);
      const repoPath = toPosix(path.relative(repoRoot, file));
      if (!SCANNABLE_EXTENSIONS.has(extension) || !include(repoPath)) continue;
      const stagedRelative = repoPath.slice(0, -extension.length) + '.js';
      const stagedPath = path.join(stagingDir, stagedRelative);
      await mkdir(path.dirname(stagedPath), { recursive: true });
      await copyFile(file, stagedPath);
      staged.push({ repoPath, stagedPath: stagedRelative });
    }
  }
  return staged;
}

interface ElectronegativityParser {
  parse(fileName: string, content: string): [number, unknown, string, unknown[] | undefined];
}

/**
 * Parses each staged file with Electronegativity's own parser. Its CLI drops a
 * file it cannot parse without a word when writing SARIF, which would read as
 * "no findings"; this turns that into an error message per file.
 */
export async function unparsableFiles(stagingDir: string, staged: readonly StagedFile[]): Promise<string[]> {
  const { Parser } = requireFromHere('@doyensec/electronegativity/dist/parser/index.js') as {
    Parser: new (babelFirst: boolean, typescriptBabelFirst: boolean) => ElectronegativityParser;
  };
  // The same settings as Electronegativity's runner.
  const parser = new Parser(false, true);
  const problems: string[] = [];
  for (const file of staged) {
    const stagedPath = path.join(stagingDir, file.stagedPath);
    try {
      const [, , , warnings] = parser.parse(stagedPath, await readFile(stagedPath, 'utf8'));
      if (warnings !== undefined && warnings.length > 0) problems.push(`${file.repoPath}: parsed with ${warnings.length} tolerated error(s)`);
    } catch (error) {
      problems.push(`${file.repoPath}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return problems;
}

function electronegativityCli(): string {
  const packageJsonPath = requireFromHere.resolve('@doyensec/electronegativity/package.json');
  const { bin } = requireFromHere(packageJsonPath) as { bin: Partial<Record<string, string>> };
  const script = bin.electronegativity;
  if (script === undefined) throw new Error('@doyensec/electronegativity has no electronegativity binary');
  return path.join(path.dirname(packageJsonPath), script);
}

export interface ScanOptions {
  readonly electronVersion: string;
  /** Where the SARIF report is written. */
  readonly reportFile: string;
}

/**
 * Runs the Electronegativity CLI over `stagingDir` and returns its findings
 * with repository paths. The CLI exits 0 whatever it finds, so the findings
 * are the result; a missing report or a non-zero exit is an error.
 *
 * AvailableSecurityFixesGlobalCheck is excluded: it only reports on a
 * package.json (none is staged) and otherwise just tries to download
 * Electron's release list, which makes the run slow and network-dependent.
 */
export async function scanWithElectronegativity(stagingDir: string, staged: readonly StagedFile[], options: ScanOptions): Promise<Finding[]> {
  const args = [electronegativityCli(), '-i', stagingDir, '-e', options.electronVersion, '-o', options.reportFile, '-r', '-x', 'AvailableSecurityFixesGlobalCheck'];
  // A fixed locale keeps the messages stable; it only affects their wording.
  await run(process.execPath, args, { timeout: 120_000, env: { ...process.env, LANG: 'en-US', NO_COLOR: '1' } });
  await stat(options.reportFile);

  const repoPathByStaged = new Map(staged.map((file) => [file.stagedPath, file.repoPath]));
  const sarif = SarifLog.parse(JSON.parse(await readFile(options.reportFile, 'utf8')));
  return (sarif.runs[0]?.results ?? []).map((result) => {
    const location = result.locations[0]?.physicalLocation;
    const uri = location?.artifactLocation.uri ?? 'file:///';
    const stagedRelative = toPosix(uri);
    const file = uri === 'file:///' ? GLOBAL_FINDING_FILE : (repoPathByStaged.get(stagedRelative) ?? stagedRelative);
    return { ruleId: result.ruleId, file, line: location?.region?.startLine ?? 0, message: result.message.text };
  });
}

function isAllowed(finding: Finding, entry: AllowlistEntry): boolean {
  return entry.ruleId === finding.ruleId && entry.file === finding.file;
}

/** Findings no allowlist entry covers: each one fails the check. */
export function findingsNotAllowed(findings: readonly Finding[], allowlist: readonly AllowlistEntry[]): Finding[] {
  return findings.filter((finding) => !allowlist.some((entry) => isAllowed(finding, entry)));
}

/** Allowlist entries that match nothing any more; kept, they would silently excuse a future finding. */
export function unusedAllowlistEntries(findings: readonly Finding[], allowlist: readonly AllowlistEntry[]): AllowlistEntry[] {
  return allowlist.filter((entry) => !findings.some((finding) => isAllowed(finding, entry)));
}

export function describeFindings(findings: readonly Finding[]): string {
  return findings.map((finding) => `${finding.ruleId} at ${finding.file}:${finding.line} - ${finding.message}`).join('\n');
}
