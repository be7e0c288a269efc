import type { Database } from 'better-sqlite3';

export type OutboxKind = 'crossing' | 'void' | 'audit';

/**
 * Takes the next per-appliance seq for an item to be synced. Called inside the
 * transaction that writes the item, so the item and its place in the queue
 * commit together or not at all.
 */
export function enqueue(db: Database, kind: OutboxKind, itemId: string, at: Date): number {
  const result = db.prepare('INSERT INTO outbox (kind, item_id, created_at) VALUES (?, ?, ?)').run(kind, itemId, at.getTime());
  return Number(result.lastInsertRowid);
}
