import path from 'node:path';

/** What the command line chooses for this run. */
export interface LaunchOptions {
  /** Absolute data folder, when given with --data. */
  readonly dataDir?: string;
  /** Absolute config file, when given with --config. */
  readonly configFile?: string;
}

export type LaunchOptionsResult =
  | { readonly ok: true; readonly options: LaunchOptions }
  | { readonly ok: false; readonly error: string };

const VALUE_OPTIONS = { '--data': 'dataDir', '--config': 'configFile' } as const;
type ValueOption = keyof typeof VALUE_OPTIONS;

function isValueOption(name: string): name is ValueOption {
  return Object.hasOwn(VALUE_OPTIONS, name);
}

/**
 * Reads --data DIR and --config FILE (or --data=DIR) from Electron's argv.
 * Everything else is ignored: argv also carries the executable, the app path
 * in development and Chromium switches. Relative paths are resolved against
 * `cwd` so the core gets the folder the technician meant.
 */
export function parseLaunchOptions(argv: readonly string[], cwd: string): LaunchOptionsResult {
  const found: { dataDir?: string; configFile?: string } = {};
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    const equalsAt = argument.indexOf('=');
    const name = equalsAt === -1 ? argument : argument.slice(0, equalsAt);
    if (!isValueOption(name)) continue;

    let value: string | undefined;
    if (equalsAt === -1) {
      value = argv[index + 1];
      index += 1;
    } else {
      value = argument.slice(equalsAt + 1);
    }
    if (value === undefined || value === '' || value.startsWith('--')) {
      return { ok: false, error: `${name} needs a path, for example ${name} /var/lib/sahman` };
    }
    const key = VALUE_OPTIONS[name];
    if (found[key] !== undefined) {
      return { ok: false, error: `${name} was given more than once` };
    }
    found[key] = path.resolve(cwd, value);
  }
  return { ok: true, options: found };
}

/** The arguments the core's utility-process entry expects: --data always, --config when chosen. */
export function coreProcessArguments(options: LaunchOptions, defaultDataDir: string): string[] {
  const args = ['--data', options.dataDir ?? defaultDataDir];
  if (options.configFile !== undefined) args.push('--config', options.configFile);
  return args;
}
