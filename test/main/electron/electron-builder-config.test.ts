import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Configuration } from 'electron-builder';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { APPLIANCE_SYSTEM_DEPENDENCIES } from '../../../drivers/system/system-dependencies.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const requireFromHere = createRequire(import.meta.url);
// electron-builder's own modules, resolved the way electron-builder resolves them.
const requireFromBuilder = createRequire(requireFromHere.resolve('electron-builder/package.json'));
const requireFromAppBuilder = createRequire(requireFromBuilder.resolve('app-builder-lib/package.json'));

interface BuilderConfigModule {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: Configuration | null): Promise<Configuration>;
  validateConfiguration(config: Configuration, debugLogger: unknown): Promise<void>;
}

let config: Configuration;
let configModule: BuilderConfigModule;
let debugLogger: unknown;

beforeAll(async () => {
  configModule = requireFromAppBuilder('./out/util/config/config.js') as BuilderConfigModule;
  const { DebugLogger } = requireFromAppBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  debugLogger = new DebugLogger(false);
  // getConfig logs "loaded configuration" to stdout; keep the test output clean.
  const stdout = vi.spyOn(process.stdout, 'write').mockReturnValue(true);
  try {
    // The same loader `electron-builder` uses: finds electron-builder.yml in the project dir.
    config = await configModule.getConfig(repoRoot, null, null);
  } finally {
    stdout.mockRestore();
  }
});

/** The `files` globs, whether electron-builder kept them as strings or normalised them into { filter } sets. */
function filePatterns(configuration: Configuration): string[] {
  const files = configuration.files;
  const entries = Array.isArray(files) ? files : files === undefined || files === null ? [] : [files];
  return entries.flatMap((entry) => {
    if (typeof entry === 'string') return [entry];
    const filter = entry.filter;
    return filter === undefined ? [] : Array.isArray(filter) ? filter : [filter];
  });
}

const packageJson = requireFromHere('../../../package.json') as { main: string; dependencies: Record<string, string>; devDependencies: Record<string, string> };

describe('electron-builder.yml', () => {
  test("passes electron-builder's own schema validation", async () => {
    await expect(configModule.validateConfiguration(config, debugLogger)).resolves.toBeUndefined();
  });

  test('the schema check does catch a misspelt option (so the pass above means something)', async () => {
    await expect(configModule.validateConfiguration({ ...config, electronFusez: {} } as Configuration, debugLogger)).rejects.toThrow(/electronFusez/);
  });

  test('names the app and pins the installed Electron version', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
    expect(config.productName).toBe('Sahman');
    expect(config.electronVersion).toBe((requireFromHere('electron/package.json') as { version: string }).version);
  });

  test('burns the required fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  test('packs into an asar archive with native addons unpacked', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/*.node']);
  });

  test('ships only the built app and package.json: no sources, tests or source maps', () => {
    const patterns = filePatterns(config);
    expect(patterns).toEqual(
      expect.arrayContaining(['package.json', 'dist/main/**/*', 'dist/renderer/**/*', 'dist/drivers/**/*', 'dist/sync/**/*', '!**/*.map']),
    );
    const included = patterns.filter((pattern) => !pattern.startsWith('!'));
    for (const pattern of included) expect(pattern === 'package.json' || pattern.startsWith('dist/')).toBe(true);
    expect(included.some((pattern) => /test|\.ts$/.test(pattern))).toBe(false);
  });

  test('includes the main entry that package.json names', () => {
    expect(packageJson.main).toBe('dist/main/electron/main.js');
    expect(filePatterns(config)).toContain('dist/main/**/*');
  });

  test('rebuilds native modules for Electron, and they are production dependencies so they get rebuilt', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(false);
    for (const nativeModule of ['better-sqlite3', '@serialport/bindings-cpp', 'node-hid', 'smartcard']) {
      expect(packageJson.dependencies[nativeModule], nativeModule).toBeDefined();
      expect(packageJson.devDependencies[nativeModule], nativeModule).toBeUndefined();
    }
  });

  test('the deb depends on every system package the appliance needs, and installs the udev rules', () => {
    const depends = config.deb?.depends ?? [];
    for (const dependency of APPLIANCE_SYSTEM_DEPENDENCIES) expect(depends, dependency.provides).toContain(dependency.debianPackage);
    // An explicit list replaces electron-builder's defaults, so Electron's own libraries must stay in it.
    for (const electronNeeds of ['libgtk-3-0', 'libnss3', 'libxss1', 'libxtst6']) expect(depends).toContain(electronNeeds);
    const rulesFile = 'drivers/udev/70-sahman-readers.rules';
    expect(existsSync(path.join(repoRoot, rulesFile))).toBe(true);
    expect(config.deb?.fpm).toContain(`${rulesFile}=/usr/lib/udev/rules.d/70-sahman-readers.rules`);
  });

  test('targets AppImage and deb on Linux and NSIS on Windows, and never publishes', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.maintainer).toBeTruthy();
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.publish).toBeNull();
  });
});
