import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layerRules } from '../eslint.config.js';
import { repoRoot } from './rigs/built-cli.js';

const linter = new ESLint({
  cwd: repoRoot,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts', '**/*.tsx', '**/*.cts'], languageOptions: { parser: tseslint.parser } }, ...layerRules],
});

async function importRefused(file: string, specifier: string): Promise<boolean> {
  const [result] = await linter.lintText(`import '${specifier}';\n`, { filePath: path.join(repoRoot, file) });
  return (result?.messages ?? []).some((message) => message.ruleId === 'no-restricted-imports');
}

describe('the layering rules', () => {
  it.each([
    ['main/common/contract/x.ts', 'node:fs'],
    ['main/common/contract/x.ts', 'electron'],
    ['main/common/contract/x.ts', 'react'],
    ['main/common/contract/x.ts', 'better-sqlite3'],
    ['main/common/contract/x.ts', '../../core/app/core.js'],
    ['renderer/status/x.tsx', '../../main/core/app/core.js'],
    ['renderer/status/x.tsx', 'node:path'],
    ['renderer/status/x.tsx', 'electron'],
    ['renderer/status/x.tsx', '../../drivers/registry.js'],
    ['main/preload/x.cts', 'node:fs'],
    ['main/preload/x.cts', '../core/app/core.js'],
    ['main/electron/x.ts', '../core/app/core.js'],
    ['main/electron/x.ts', 'better-sqlite3'],
    ['main/electron/x.ts', 'serialport'],
    ['main/electron/x.ts', '../../drivers/registry.js'],
    ['main/core/app/x.ts', 'electron'],
    ['main/core/app/x.ts', '../../electron/main.js'],
    ['drivers/x.ts', 'electron'],
    ['drivers/x.ts', '../main/core/app/core.js'],
    ['sync/x.ts', '../main/core/app/core.js'],
    ['main/cli/x.ts', 'electron'],
    ['main/cli/x.ts', '../electron/main.js'],
    ['main/preload/x.cts', '../electron/main.js'],
    ['main/core/app/x.ts', '../../cli/cli.js'],
    ['drivers/x.ts', '../main/cli/cli.js'],
  ])('%s may not import %s', async (file, specifier) => {
    expect(await importRefused(file, specifier)).toBe(true);
  });

  it.each([
    ['main/common/contract/x.ts', 'zod'],
    ['main/common/rpc/x.ts', '../contract/rpc-wire.js'],
    ['renderer/status/x.tsx', '../../main/common/rpc/client.js'],
    ['renderer/status/x.tsx', 'react'],
    ['main/preload/x.cts', 'electron'],
    ['main/electron/x.ts', 'electron'],
    ['main/electron/x.ts', '../common/contract/core-bridge.js'],
    ['main/core/app/x.ts', 'node:fs'],
    ['main/core/app/x.ts', '../../../drivers/registry.js'],
    ['main/cli/x.ts', '../core/app/core.js'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await importRefused(file, specifier)).toBe(false);
  });
});
