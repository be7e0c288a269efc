import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { ApplianceConfig, type ReaderConfig } from '../../common/contract/config.js';
import { describeIssues } from '../../common/contract/describe-issues.js';
import { writeFileDurably } from '../fs/durable-write.js';
import { UnavailableError } from '../errors/domain-errors.js';

export interface ReadersWritten {
  /** The whole configuration as the file now holds it. */
  readonly config: ApplianceConfig;
  /** Puts the file back as it was, when what the change needs next (its audit) cannot be done. */
  undo(): void;
}

const ConfigObject = z.record(z.string(), z.unknown());

/**
 * Replaces the `readers` list in the config file, keeping every other setting
 * as the file has it now (central's downlink edits it too), and checks the
 * result against the whole config schema before it is written durably.
 */
export function writeReaders(configPath: string, readers: readonly ReaderConfig[]): ReadersWritten {
  let previousText: string;
  let current: Record<string, unknown>;
  try {
    previousText = readFileSync(configPath, 'utf8');
    current = ConfigObject.parse(JSON.parse(previousText));
  } catch {
    throw new UnavailableError(`the config file ${configPath} cannot be read; nothing was changed`);
  }
  const parsed = ApplianceConfig.safeParse({ ...current, readers });
  if (!parsed.success) throw new UnavailableError(`the config file would not be valid: ${describeIssues(parsed.error)}; nothing was changed`);
  try {
    writeFileDurably(configPath, `${JSON.stringify(parsed.data, null, 2)}\n`);
  } catch (error) {
    throw new UnavailableError(`the config file cannot be written (${error instanceof Error ? error.message : 'unknown error'}); nothing was changed`);
  }
  return {
    config: parsed.data,
    undo: () => {
      writeFileDurably(configPath, previousText);
    },
  };
}
