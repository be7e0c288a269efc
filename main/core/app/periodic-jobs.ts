import type { Database } from 'better-sqlite3';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { ApplianceKey } from '../keys/appliance-key.js';
import type { Logger } from '../logging/logger.js';
import { purgeDelivered } from '../retention/retention-purge.js';

/** Audit checkpoints are signed this often (and at shutdown), so cutting the trail's end shows. */
const CHECKPOINT_INTERVAL_MS = 5 * 60_000;
/** Delivered records are purged this often, and once shortly after start. */
const RETENTION_INTERVAL_MS = 6 * 3_600_000;
const RETENTION_FIRST_RUN_MS = 60_000;

export interface PeriodicJobsOptions {
  readonly db: Database;
  readonly audit: AuditTrail;
  readonly key: ApplianceKey;
  readonly log: Logger;
  readonly retentionDays: number;
}

/** The core's own housekeeping: signed audit checkpoints and the retention purge. */
export interface PeriodicJobs {
  /** Signs an audit checkpoint now; a failure is logged, never thrown. */
  signCheckpoint(): void;
  /** Clears the timers and waits for a purge under way. */
  stop(): Promise<void>;
}

export function startPeriodicJobs(options: PeriodicJobsOptions): PeriodicJobs {
  const { db, audit, key, log } = options;
  // A checkpoint that cannot be written (a full disk) is retried at the next tick; it must never stop the core.
  const signCheckpoint = (): void => {
    try {
      audit.checkpoint(key, new Date());
    } catch (error) {
      log.error({ err: error }, 'audit checkpoint not written; retrying at the next interval');
    }
  };
  const checkpointTimer = setInterval(signCheckpoint, CHECKPOINT_INTERVAL_MS);
  checkpointTimer.unref();
  let purging: Promise<void> | undefined;
  const purge = (): void => {
    purging ??= purgeDelivered(db, audit, options.retentionDays, new Date())
      .then((counts) => {
        if (counts.crossings + counts.voids + counts.auditEvents + counts.outboxRows > 0) log.info({ ...counts }, 'retention purge: delivered records past the retention period removed');
      })
      .catch((error: unknown) => {
        log.error({ err: error }, 'retention purge failed; retrying at the next interval');
      })
      .finally(() => {
        purging = undefined;
      });
  };
  const firstPurge = setTimeout(purge, RETENTION_FIRST_RUN_MS);
  firstPurge.unref();
  const purgeTimer = setInterval(purge, RETENTION_INTERVAL_MS);
  purgeTimer.unref();
  return {
    signCheckpoint,
    async stop() {
      clearInterval(checkpointTimer);
      clearTimeout(firstPurge);
      clearInterval(purgeTimer);
      await purging;
    },
  };
}
