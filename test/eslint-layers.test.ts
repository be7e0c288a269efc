import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layerRules, layers } from '../eslint.config.js';
import { repoRoot } from './rigs/built-cli.js';

const linter = new ESLint({
  cwd: repoRoot,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts', '**/*.tsx', '**/*.cts'], languageOptions: { parser: tseslint.parser } }, ...layerRules],
});

async function importRefused(file: string, specifier: string): Promise<boolean> {
  const [result] = await linter.lintText(`import '${specifier}';\n`, { filePath: path.join(repoRoot, file) });
  return (result?.messages ?? []).some((message) => message.ruleId === 'layers/allowed-imports');
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
    ['sync/relay/x.ts', '../../main/core/app/core.js'],
    ['main/cli/x.ts', 'electron'],
    ['main/cli/x.ts', '../electron/main.js'],
    ['main/preload/x.cts', '../electron/main.js'],
    ['main/core/app/x.ts', '../../cli/cli.js'],
    ['drivers/x.ts', '../main/cli/cli.js'],
    ['main/common/x.ts', 'pino'],
    ['main/common/icao/x.ts', 'zod'],
    ['main/common/icao/x.ts', '../contract/crossing.js'],
    ['main/common/x.ts', 'ws'],
    ['main/common/x.ts', 'node:zlib'],
    ['drivers/x.ts', 'ws'],
    ['drivers/x.ts', '../sync/relay/relay.js'],
    ['sync/relay/x.ts', 'better-sqlite3'],
    ['sync/relay/x.ts', '../central/central-store.js'],
    ['sync/central/x.ts', '../../main/cli/cli.js'],
    ['main/core/app/x.ts', '../../../sync/central/central-store.js'],
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
    ['sync/central/x.ts', '../../main/cli/parse-args.js'],
    ['sync/relay/x.ts', '../protocol/wire.js'],
    ['drivers/x.ts', '@serialport/stream'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await importRefused(file, specifier)).toBe(false);
  });

  // Each layer's allow-list bites: a package it does not name, and the one folder no layer names.
  it.each(layers.map((layer) => [layer.folder]))('%s refuses a package and a folder it does not list', async (folder) => {
    const file = `${folder}/x.ts`;
    expect(await importRefused(file, 'left-pad')).toBe(true);
    const depth = folder.split('/').length;
    expect(await importRefused(file, `${'../'.repeat(depth)}test/rigs/temp-dir.js`)).toBe(true);
  });
});
