import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Database } from 'better-sqlite3';
import * as z from 'zod';
import type { AuditTrail } from '../audit/audit-trail.js';
import { deliveredThrough } from '../outbox/outbox.js';

const DAY_MS = 86_400_000;
/** Rows deleted per transaction: small enough that a guard's record waits at most a few milliseconds. */
const CHUNK_ROWS = 2_000;

export interface PurgeCounts {
  readonly crossings: number;
  readonly voids: number;
  readonly resolutions: number;
  readonly auditEvents: number;
  readonly outboxRows: number;
  /** Alert-list hits closed (reviewed, or decided other than by a referral) before the period, and their overrides. */
  readonly alertHits: number;
  /** The audit trail now starts after this event, which a signed checkpoint vouches for; 0 when untouched. */
  readonly auditAnchor: number;
}

const Count = z.number().int().nonnegative();

/** A dead letter central has not yet taken under a new seq: its item must outlive any retention period. */
const AWAITING_FIX_WHERE = 'd.requeued_as IS NULL OR d.requeued_as > @through';
const notAwaitingFix = (outer: string): string => `NOT EXISTS (SELECT 1 FROM dead_letters d WHERE d.seq = ${outer}.seq AND (${AWAITING_FIX_WHERE}))`;
const OptionalIndex = z.number().int().positive().nullable();

/**
 * Removes what central has acknowledged and what is older than the retention
 * period. Undelivered items are never removed, however old. The audit trail is
 * cut only at a signed checkpoint and never at its head, so that `sahman audit
 * verify` still proves the remaining trail whole: the checkpoint vouches for
 * everything before it. Work is done in small transactions, yielding between
 * them, so recording goes on during a purge; the purge itself is audited.
 */
export async function purgeDelivered(db: Database, audit: AuditTrail, retentionDays: number, now: Date): Promise<PurgeCounts> {
  const through = deliveredThrough(db);
  const cutoffMs = now.getTime() - retentionDays * DAY_MS;
  const purgeable = { through, cutoffMs };

  const voids = await deleteInChunks(
    db,
    `DELETE FROM voids WHERE seq IN (SELECT seq FROM voids v WHERE seq <= @through AND recorded_at < @cutoffMs AND ${notAwaitingFix('v')} LIMIT @limit)`,
    purgeable,
  );
  const resolutions = await deleteInChunks(
    db,
    `DELETE FROM resolutions WHERE seq IN (SELECT seq FROM resolutions r WHERE seq <= @through AND recorded_at < @cutoffMs AND ${notAwaitingFix('r')} LIMIT @limit)`,
    purgeable,
  );
  // A take is local bookkeeping of an old referral: it goes with the referral, or once the referral is resolved.
  await deleteInChunks(
    db,
    `DELETE FROM referral_takes WHERE referral_id IN (SELECT referral_id FROM referral_takes WHERE taken_at < @cutoffMs LIMIT @limit)`,
    purgeable,
  );
  // A crossing whose void or resolution is still kept stays too: that record names it.
  const crossings = await deleteInChunks(
    db,
    `DELETE FROM crossings WHERE seq IN (
       SELECT seq FROM crossings c WHERE seq <= @through AND recorded_at < @cutoffMs
         AND NOT EXISTS (SELECT 1 FROM voids v WHERE v.crossing_id = c.id)
         AND NOT EXISTS (SELECT 1 FROM resolutions r WHERE r.referral_id = c.id)
         AND NOT EXISTS (SELECT 1 FROM referral_takes t WHERE t.referral_id = c.id) AND ${notAwaitingFix('c')} LIMIT @limit)`,
    purgeable,
  );
  const { events, anchor } = await purgeAuditEvents(db, purgeable);
  const outboxRows = await deleteInChunks(
    db,
    `DELETE FROM outbox WHERE seq IN (
       SELECT seq FROM outbox o WHERE seq <= @through AND created_at < @cutoffMs
         AND NOT EXISTS (SELECT 1 FROM crossings WHERE seq = o.seq)
         AND NOT EXISTS (SELECT 1 FROM voids WHERE seq = o.seq)
         AND NOT EXISTS (SELECT 1 FROM resolutions WHERE seq = o.seq)
         AND NOT EXISTS (SELECT 1 FROM audit_events WHERE seq = o.seq)
         AND NOT EXISTS (SELECT 1 FROM dead_letters WHERE seq = o.seq OR requeued_as = o.seq)
         AND NOT EXISTS (SELECT 1 FROM requeued WHERE seq = o.seq) LIMIT @limit)`,
    purgeable,
  );
  const alertHits = await purgeClosedHits(db, cutoffMs);
  const counts: PurgeCounts = { crossings, voids, resolutions, auditEvents: events, outboxRows, alertHits, auditAnchor: anchor };
  if (crossings + voids + resolutions + events + outboxRows + alertHits > 0) {
    db.transaction(() =>
      audit.append({
        action: 'retention-purge',
        officerId: null,
        at: now,
        details: { deliveredThroughSeq: through, olderThan: new Date(cutoffMs).toISOString(), crossings, voids, resolutions, auditEvents: events, outboxRows, alertHits, auditAnchor: anchor },
      }),
    ).immediate();
  }
  return counts;
}

async function deleteInChunks(db: Database, sql: string, params: Readonly<Record<string, number>>): Promise<number> {
  const statement = db.prepare(sql);
  let total = 0;
  for (;;) {
    const deleted = statement.run({ ...params, limit: CHUNK_ROWS }).changes;
    total += deleted;
    if (deleted < CHUNK_ROWS) return total;
    await yieldToEventLoop();
  }
}

/**
 * Closed hits are not synced (the records and the trail carry them), so the
 * period alone decides; an open hit stays however old, as the queue needs it.
 */
async function purgeClosedHits(db: Database, cutoffMs: number): Promise<number> {
  const total = await deleteInChunks(
    db,
    `DELETE FROM alert_hits WHERE rowid IN (
       SELECT rowid FROM alert_hits WHERE raised_at < @cutoffMs AND (reviewed_at IS NOT NULL OR (crossing_id IS NOT NULL AND outcome <> 'refer')) LIMIT @limit)`,
    { cutoffMs },
  );
  db.prepare('DELETE FROM alert_overrides WHERE at < ? AND NOT EXISTS (SELECT 1 FROM alert_hits h WHERE h.assessment_id = alert_overrides.assessment_id)').run(cutoffMs);
  return total;
}

/** Cuts the trail checkpoint by checkpoint, so that every committed state of it verifies. */
async function purgeAuditEvents(db: Database, params: { through: number; cutoffMs: number }): Promise<{ events: number; anchor: number }> {
  const head = OptionalIndex.parse(db.prepare('SELECT max(chain_index) FROM audit_events').pluck().get());
  if (head === null) return { events: 0, anchor: 0 };
  const anchors = z.array(Count).parse(
    db
      .prepare(
        `SELECT DISTINCT cp.chain_index FROM audit_checkpoints cp
           JOIN audit_events e ON e.chain_index = cp.chain_index
           JOIN outbox o ON o.seq = e.seq
         WHERE e.seq <= @through AND o.created_at < @cutoffMs AND cp.chain_index < @head
           AND e.seq < (SELECT coalesce(min(d.seq), @through + 1) FROM dead_letters d WHERE ${AWAITING_FIX_WHERE})
         ORDER BY cp.chain_index`,
      )
      .pluck()
      .all({ ...params, head }),
  );
  const deleteEvents = db.prepare('DELETE FROM audit_events WHERE chain_index <= ?');
  const deleteOlderCheckpoints = db.prepare('DELETE FROM audit_checkpoints WHERE chain_index < ?');
  let events = 0;
  let anchor = 0;
  for (const index of anchors) {
    events += db.transaction(() => {
      const deleted = deleteEvents.run(index).changes;
      deleteOlderCheckpoints.run(index);
      return deleted;
    }).immediate();
    anchor = index;
    await yieldToEventLoop();
  }
  return { events, anchor };
}
