import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { safeParseReaderSpec } from '../../../drivers/index.js';
import { ApplianceConfig, defaultConfig } from '../../common/contract/config.js';
import { writeFileDurably } from '../fs/durable-write.js';
import { ConfigError } from './config-error.js';
import { describeIssues } from '../../common/contract/describe-issues.js';

export const CONFIG_FILE_NAME = 'config.json';

export interface LoadedConfig {
  readonly config: ApplianceConfig;
  readonly path: string;
  /** True when the file did not exist and the defaults were written. */
  readonly created: boolean;
}

/**
 * Reads and validates the config file. A missing file gets working defaults
 * written (with a fresh appliance id); an unreadable or invalid one throws a
 * ConfigError naming the field and the problem, so start-up stops clearly.
 */
export function loadConfigFile(configPath: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(configPath, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return writeDefaults(configPath);
    throw new ConfigError(`cannot read the config file ${configPath}: ${errnoMessage(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'not JSON';
    throw new ConfigError(`the config file ${configPath} is not valid JSON: ${detail}`);
  }
  const parsed = ApplianceConfig.safeParse(json);
  if (!parsed.success) throw new ConfigError(`the config file ${configPath} is invalid: ${describeIssues(parsed.error)}`);
  // A misspelt reader spec is a config mistake for the technician, not a reader failure to retry.
  const badSpecs = parsed.data.readers.flatMap((reader, index) => {
    const spec = safeParseReaderSpec(reader.spec);
    return spec.ok ? [] : spec.error.issues.map((issue) => `readers.${String(index)}.spec: ${issue.option}: ${issue.message}`);
  });
  if (badSpecs.length > 0) throw new ConfigError(`the config file ${configPath} is invalid: ${badSpecs.join('; ')}`);
  return { config: parsed.data, path: configPath, created: false };
}

function writeDefaults(configPath: string): LoadedConfig {
  const config = defaultConfig(`sahman-${randomBytes(4).toString('hex')}`);
  try {
    mkdirSync(path.dirname(configPath), { recursive: true, mode: 0o700 });
    writeFileDurably(configPath, `${JSON.stringify(config, null, 2)}\n`);
  } catch (error) {
    throw new ConfigError(`cannot write the default config file ${configPath}: ${errnoMessage(error)}`);
  }
  return { config, path: configPath, created: true };
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

function errnoMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'unknown error';
}
