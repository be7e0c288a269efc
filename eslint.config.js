// Lint rules, and the architecture's layering enforced per folder (see README, "Layers").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'net', 'http', 'https', 'crypto', 'stream', 'url', 'util', 'worker_threads'];
const nativeModules = ['better-sqlite3', 'serialport', '@serialport/*', 'node-hid'];

/** A no-restricted-imports rule that forbids the given module patterns, with the layering reason. */
function forbid(patterns, message) {
  return {
    'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
  };
}

/**
 * The architecture's layers, one entry per folder: what each may not import.
 * Exported so that a test can prove each rule bites.
 */
export const layerRules = [
  // main/common: pure TypeScript for every layer, the renderer included.
  {
    files: ['main/common/**'],
    rules: forbid(
      [...nodeBuiltins, 'electron', 'react', 'react-dom', ...nativeModules, '**/core/**', '**/electron/**', '**/cli/**', '**/renderer/**', '**/drivers/**', '**/sync/**'],
      'main/common is pure TypeScript shared by every layer: no Node, Electron, React or native modules, and nothing from other layers.',
    ),
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: forbid(
      [...nodeBuiltins, 'electron', ...nativeModules, '**/core/**', '**/electron/**', '**/preload/**', '**/cli/**', '**/drivers/**', '**/sync/**'],
      'The renderer imports only main/common and its own files; it reaches the core through the RPC contract.',
    ),
  },
  {
    files: ['main/preload/**'],
    rules: forbid(
      [...nodeBuiltins, ...nativeModules, '**/core/**', '**/electron/**', '**/cli/**', '**/drivers/**', '**/sync/**', '**/renderer/**'],
      'The sandboxed preload imports only electron (and types from main/common).',
    ),
  },
  {
    files: ['main/electron/**'],
    rules: forbid(
      [...nativeModules, '**/core/**', '**/drivers/**', '**/sync/**', '**/renderer/**', '**/cli/**'],
      'The Electron main process owns windows and security only; it starts the core by path and never imports it or native modules.',
    ),
  },
  {
    files: ['main/core/**'],
    rules: forbid(['electron', '**/electron/**', '**/preload/**', '**/renderer/**', '**/cli/**'], 'The core is plain Node: no Electron, and it does not depend on its hosts.'),
  },
  {
    files: ['drivers/**', 'sync/**'],
    rules: forbid(['electron', '**/core/**', '**/electron/**', '**/preload/**', '**/renderer/**', '**/cli/**'], 'drivers and sync are composed by the core: they never import it, nor Electron.'),
  },
  {
    files: ['main/cli/**'],
    rules: forbid(['electron', '**/electron/**', '**/preload/**', '**/renderer/**'], 'The CLI is a plain-Node host: it never imports Electron (it may launch its binary by path).'),
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/fixtures/**', 'test/.artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['eslint.config.js', 'test/run-all.js'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    // vitest's asymmetric matchers (expect.any, expect.stringContaining…) are typed `any`.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  ...layerRules,
  {
    // Build tooling for the renderer runs under Node, not in the page.
    files: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': 'off' },
  },
);
