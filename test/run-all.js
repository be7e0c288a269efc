// `npm test`: build, type-check, lint, then every vitest suite (unit, integration,
// Electron security check, Chromium end to end), and one closing line
// "N passed, N failed" that counts the static steps and every test.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const artifacts = path.join(root, 'test', '.artifacts');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
mkdirSync(artifacts, { recursive: true });

let passed = 0;
let failed = 0;

function step(name, command, args) {
  process.stdout.write(`\n== ${name}: ${[path.basename(command), ...args].join(' ')}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NO_COLOR: '1' } });
  const ok = result.status === 0;
  process.stdout.write(`== ${name}: ${ok ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return ok;
}

function count(ok) {
  if (ok) passed += 1;
  else failed += 1;
  return ok;
}

const built = count(step('build', 'npm', ['run', '--silent', 'build']));
count(step('typecheck (node)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']));
count(step('typecheck (renderer)', bin('tsc'), ['-p', 'renderer/tsconfig.json', '--noEmit']));
count(step('lint', bin('eslint'), ['--max-warnings', '0', '.']));

if (built) {
  const report = path.join(artifacts, 'vitest.json');
  rmSync(report, { force: true });
  const extra = process.argv.slice(2);
  step('vitest', bin('vitest'), [
    'run',
    '--config',
    'test/vitest.config.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...extra,
  ]);
  try {
    const results = JSON.parse(readFileSync(report, 'utf8'));
    passed += results.numPassedTests;
    failed += results.numFailedTests;
    // A test file that fails to load has no failed tests of its own: count it once.
    for (const file of results.testResults ?? []) {
      if (file.status === 'failed' && (file.assertionResults ?? []).every((test) => test.status !== 'failed')) failed += 1;
    }
  } catch {
    process.stdout.write('vitest wrote no report\n');
    failed += 1;
  }
} else {
  process.stdout.write('\nthe build failed, so the tests were not run\n');
  failed += 1;
}

process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exitCode = failed === 0 ? 0 : 1;
