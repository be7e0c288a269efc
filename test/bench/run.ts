/**
 * `npm run bench [suite ...]`: runs each suite in a fresh Node process and prints
 * one JSON document with every suite's figures. Exits 1 when a target is missed.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const suitesDir = fileURLToPath(new URL('./suites/', import.meta.url));
const available = readdirSync(suitesDir)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.replace(/\.ts$/, ''))
  .sort();

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  process.stderr.write(`unknown bench suite(s): ${unknown.join(', ')}; available: ${available.join(', ')}\n`);
  process.exit(2);
}
const selected = requested.length > 0 ? requested : available;

function runSuite(name: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', path.join(fileURLToPath(new URL('.', import.meta.url)), 'run-suite.ts'), name],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`bench suite ${name} exited with ${String(code)}`));
        return;
      }
      try {
        resolve(JSON.parse(out) as unknown);
      } catch {
        reject(new Error(`bench suite ${name} printed no JSON`));
      }
    });
  });
}

function missedTargets(value: unknown, trail: string[] = []): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  if (record.met === false && 'target' in record) return [trail.join('.')];
  return Object.entries(record).flatMap(([key, child]) => missedTargets(child, [...trail, key]));
}

const results: Record<string, unknown> = {};
for (const name of selected) {
  results[name] = await runSuite(name);
}
const report = {
  machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
  at: new Date().toISOString(),
  suites: results,
};
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
const missed = missedTargets(results);
if (missed.length > 0) {
  process.stderr.write(`targets missed: ${missed.join(', ')}\n`);
  process.exit(1);
}
