import { readFileSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import * as z from 'zod';
import { ApplianceConfig } from '../../common/contract/config.js';
import { describeIssues } from '../../common/contract/describe-issues.js';
import { writeFileDurably } from '../fs/durable-write.js';
import { UnavailableError } from '../errors/domain-errors.js';
import type { AuditEntry, AuditTrail } from '../audit/audit-trail.js';
import { recordConfig } from './config-audit.js';

export interface ConfigWritten {
  /** The whole configuration as the file now holds it. */
  readonly config: ApplianceConfig;
  /** Puts the file back as it was, when what the change needs next (its audit) cannot be done. */
  undo(): void;
}

const ConfigObject = z.record(z.string(), z.unknown());

/**
 * Replaces top-level settings in the config file (a screen's `readers` or
 * `central`), keeping every other setting as the file has it now (central's
 * downlink edits it too), and checks the result against the whole config
 * schema before it is written durably.
 */
export function writeConfigPart(configPath: string, part: Partial<ApplianceConfig>): ConfigWritten {
  let previousText: string;
  let current: Record<string, unknown>;
  try {
    previousText = readFileSync(configPath, 'utf8');
    current = ConfigObject.parse(JSON.parse(previousText));
  } catch {
    throw new UnavailableError(`the config file ${configPath} cannot be read; nothing was changed`);
  }
  const parsed = ApplianceConfig.safeParse({ ...current, ...part });
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

/**
 * A screen's change to the config file and its audit event, together: the
 * event and the new configuration go into the store in one transaction, and
 * when that cannot be written the file is put back, so that nothing changes
 * unaudited. The next start finds the configuration already recorded.
 */
export function writeConfigAudited(store: { readonly db: Database; readonly audit: AuditTrail }, configPath: string, part: Partial<ApplianceConfig>, entry: AuditEntry): ApplianceConfig {
  const written = writeConfigPart(configPath, part);
  try {
    store.db
      .transaction(() => {
        recordConfig(store.db, written.config, entry.at);
        store.audit.append(entry);
      })
      .immediate();
  } catch (error) {
    written.undo();
    throw new UnavailableError(`the change could not be audited (${error instanceof Error ? error.message : 'unknown error'}); the config file is as it was`);
  }
  return written.config;
}
