// Lint rules, and the architecture's layering enforced per folder (see README, "Layers").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import path from 'node:path';

/**
 * The architecture's layers as allow-lists, VS Code's way: each folder names the packages and the
 * folders it may import, and every other import fails. The most specific layer wins. Exported so
 * that a test can prove each rule bites.
 */
export const layers = [
  { folder: 'main/common', packages: ['zod', 'rxjs', 'canonicalize'], folders: ['main/common'], why: 'main/common is pure TypeScript shared by every layer, the renderer included' },
  { folder: 'main/common/icao', packages: [], folders: ['main/common/icao'], why: 'the MRZ engine loads nothing else, so that `sahman mrz` starts fast; its zod schemas live in main/common/contract' },
  { folder: 'renderer', packages: ['react', 'react-dom', 'react/*', 'react-dom/*', 'rxjs', 'zod', 'react-intl', '@formatjs/*', '@fontsource/*', 'country-iso-3-to-2', 'uplot', 'uplot/*', 'qrcode-generator'], folders: ['renderer', 'main/common'], why: 'the renderer reaches the core only through the RPC contract in main/common' },
  { folder: 'main/preload', packages: ['electron'], folders: ['main/common'], why: 'the sandboxed preload may require only electron' },
  { folder: 'main/electron', packages: ['electron', 'node:*', 'zod'], folders: ['main/electron', 'main/common'], why: 'the Electron main process owns windows and security; it starts the core by path' },
  {
    folder: 'main/core',
    packages: ['node:*', 'better-sqlite3', 'pino', 'pino-roll', 'rxjs', 'uuid', 'ws', 'zod', 'canonicalize', 'undici', '@skyra/jaro-winkler'],
    folders: ['main/core', 'main/common', 'drivers', 'sync/relay', 'sync/protocol'],
    why: 'the core is plain Node that composes the drivers and the relay, and never depends on its hosts',
  },
  { folder: 'drivers', packages: ['node:*', '@serialport/stream', '@serialport/bindings-cpp', 'node-hid', 'smartcard', 'rxjs', 'zod'], folders: ['drivers', 'main/common'], why: 'the drivers are composed by the core and know nothing of it' },
  { folder: 'sync/protocol', packages: ['node:*', 'zod', 'canonicalize'], folders: ['sync/protocol', 'main/common'], why: 'the wire protocol is shared by the relay and central alone' },
  { folder: 'sync/relay', packages: ['node:*', 'rxjs', 'undici', 'zod'], folders: ['sync/relay', 'sync/protocol', 'main/common'], why: 'the relay is composed by the core and knows nothing of it' },
  {
    folder: 'sync/central',
    packages: ['node:*', 'better-sqlite3', 'zod', 'canonicalize'],
    // A program of its own, started through `sahman central`: it shares the CLI's argument handling.
    folders: ['sync/central', 'sync/protocol', 'main/common', 'main/cli/parse-args.ts', 'main/cli/command.ts'],
    why: 'the reference central receiver is no part of the appliance',
  },
  {
    folder: 'main/cli',
    packages: ['node:*', 'rxjs', 'zod'],
    folders: ['main/cli', 'main/core', 'main/common', 'drivers', 'sync/relay', 'sync/protocol'],
    why: 'the CLI is a plain-Node host; it loads central and launches Electron by path',
  },
];

function layerOf(file) {
  const candidates = layers.filter((layer) => file === layer.folder || file.startsWith(`${layer.folder}/`));
  return candidates.sort((a, b) => b.folder.length - a.folder.length)[0];
}

function packageAllowed(specifier, patterns) {
  // 'node:*' and 'react/*' name a prefix; anything else names one package exactly.
  return patterns.some((pattern) => (pattern.endsWith('*') ? specifier.startsWith(pattern.slice(0, -1)) : specifier === pattern));
}

function folderAllowed(target, folders) {
  return folders.some((folder) => target === folder || target.startsWith(`${folder}/`) || target.replace(/\.js$/, '.ts') === folder || target.replace(/\.js$/, '.tsx') === folder);
}

const allowedImports = {
  meta: { type: 'problem', schema: [], messages: { refused: "{{layer}} may not import '{{specifier}}': {{why}}." } },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const layer = layerOf(file);
    if (layer === undefined) return {};
    const check = (node, specifier) => {
      if (typeof specifier !== 'string') return;
      let allowed;
      if (specifier.startsWith('.')) {
        const target = path.relative(root, path.resolve(path.dirname(context.filename), specifier)).split(path.sep).join('/');
        allowed = folderAllowed(target, layer.folders);
      } else {
        allowed = packageAllowed(specifier, layer.packages);
      }
      if (!allowed) context.report({ node, messageId: 'refused', data: { layer: layer.folder, specifier, why: layer.why } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      TSImportEqualsDeclaration: (node) => node.moduleReference.type === 'TSExternalModuleReference' && check(node, node.moduleReference.expression.value),
    };
  },
};

export const layerRules = [
  {
    files: ['main/**', 'renderer/**', 'drivers/**', 'sync/**'],
    plugins: { layers: { rules: { 'allowed-imports': allowedImports } } },
    rules: { 'layers/allowed-imports': 'error' },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Named `z` would make the bundler keep every one of zod's locales (hundreds of KB per start).
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']", message: "import * as z from 'zod', so that the bundle can leave zod's locales out" }],
    },
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
    rules: { 'layers/allowed-imports': 'off' },
  },
);
