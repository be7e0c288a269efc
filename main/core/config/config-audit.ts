import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import * as z from 'zod';
import type { ApplianceConfig } from '../../common/contract/config.js';
import { canonicalJson } from '../../common/json/canonical-json.js';
import type { AuditTrail } from '../audit/audit-trail.js';

export interface ConfigChange {
  readonly digest: string;
  readonly previousDigest: string | null;
  /** Top-level settings that differ from the last configuration the core ran with. */
  readonly changed: readonly string[];
}

const LastConfigRow = z.object({ digest: z.string(), config: z.string() });

/**
 * The config file is edited by hand (or, later, by central) while the core is
 * stopped; at start the core compares it with the configuration it last ran
 * with and audits any change, naming the settings that changed. The first
 * start is audited too: it is when the configuration came to be.
 */
export function auditConfigChange(db: Database, audit: AuditTrail, config: ApplianceConfig, at: Date): ConfigChange | undefined {
  return db
    .transaction((): ConfigChange | undefined => {
      const change = recordConfig(db, config, at);
      if (change === undefined) return undefined;
      audit.append({
        action: 'config-change',
        officerId: null,
        at,
        details: { digest: change.digest, previousDigest: change.previousDigest, changed: change.changed.join(' ').slice(0, 200) },
      });
      return change;
    })
    .immediate();
}

/**
 * Keeps `config` as the configuration the core runs with, inside the caller's
 * transaction, and says what changed; undefined when nothing did. A change
 * made from a screen is audited by its own action, and recording it here keeps
 * the next start from auditing it a second time as an anonymous edit.
 */
export function recordConfig(db: Database, config: ApplianceConfig, at: Date): ConfigChange | undefined {
  const text = canonicalJson(config);
  const digest = createHash('sha256').update(text, 'utf8').digest('hex');
  const raw = db.prepare('SELECT digest, config FROM config_history ORDER BY id DESC LIMIT 1').get();
  const last = raw === undefined ? undefined : LastConfigRow.parse(raw);
  if (last?.digest === digest) return undefined;
  const previous = last === undefined ? undefined : previousSettings(last.config);
  const keys = new Set([...Object.keys(config), ...Object.keys(previous ?? {})]);
  const changed = [...keys].filter((key) => canonicalJson(previous?.[key] ?? null) !== canonicalJson((config as Record<string, unknown>)[key] ?? null)).sort();
  db.prepare('INSERT INTO config_history (digest, config, applied_at) VALUES (?, ?, ?)').run(digest, text, at.getTime());
  return { digest, previousDigest: last?.digest ?? null, changed };
}

// An older version's configuration may not match today's schema; only its top-level shape matters here.
const StoredSettings = z.record(z.string(), z.unknown());

/** The last configuration as stored; an unreadable one counts as "everything changed". */
function previousSettings(text: string): Record<string, unknown> | undefined {
  try {
    const parsed = StoredSettings.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
