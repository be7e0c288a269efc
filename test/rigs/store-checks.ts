import path from 'node:path';
import { auditEvents } from './audit-rows.js';
import { verifyAuditTrail, type AuditVerification } from '../../main/core/audit/verify-audit-trail.js';
import { loadConfigFile } from '../../main/core/config/config-file.js';
import { openDatabase } from '../../main/core/db/open-database.js';
import { loadOrCreateApplianceKey } from '../../main/core/keys/appliance-key.js';
import { DATABASE_FILE_NAME } from '../../main/core/store/open-store.js';

/** What a data folder's database holds, as the durability tests judge it. */
export interface StoreReport {
  /** Every crossing id, with its seq. */
  readonly crossings: ReadonlyMap<string, number>;
  readonly outbox: { readonly count: number; readonly minSeq: number | null; readonly maxSeq: number | null };
  /** Crossings without their outbox row, and outbox crossing rows without their crossing: both must be 0. */
  readonly crossingsWithoutOutbox: number;
  readonly outboxWithoutCrossing: number;
  /** Decision audit events: one per crossing, written in the same transaction. */
  readonly decisionEvents: number;
  /** PRAGMA integrity_check's rows; ['ok'] when sound. */
  readonly integrity: readonly string[];
  readonly audit: AuditVerification;
}

/**
 * Reads a data folder's database on its own read-only connection, as a
 * technician's check would: a read-only connection never checkpoints or
 * rewrites the WAL on close, so the next start sees the files as they were left.
 */
export function inspectStore(dataDir: string): StoreReport {
  const { config } = loadConfigFile(path.join(dataDir, 'config.json'));
  const key = loadOrCreateApplianceKey(dataDir);
  const db = openDatabase(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  try {
    const crossings = new Map(
      (db.prepare('SELECT id, seq FROM crossings').all() as { id: string; seq: number }[]).map((row) => [row.id, row.seq] as const),
    );
    const outbox = db.prepare('SELECT count(*) AS count, min(seq) AS minSeq, max(seq) AS maxSeq FROM outbox').get() as StoreReport['outbox'];
    const crossingsWithoutOutbox = db
      .prepare("SELECT count(*) FROM crossings c WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.seq = c.seq AND o.kind = 'crossing')")
      .pluck()
      .get() as number;
    const outboxWithoutCrossing = db
      .prepare("SELECT count(*) FROM outbox o WHERE o.kind = 'crossing' AND NOT EXISTS (SELECT 1 FROM crossings c WHERE c.seq = o.seq)")
      .pluck()
      .get() as number;
    const decisionEvents = auditEvents(db).filter((event) => event.action === 'decision').length;
    const integrity = db.pragma('integrity_check', { simple: false }) as Record<string, unknown>[];
    return {
      crossings,
      outbox,
      crossingsWithoutOutbox,
      outboxWithoutCrossing,
      decisionEvents,
      integrity: integrity.map((row) => String(Object.values(row)[0])),
      audit: verifyAuditTrail(db, config.applianceId, key.publicKeyBase64),
    };
  } finally {
    db.close();
  }
}
