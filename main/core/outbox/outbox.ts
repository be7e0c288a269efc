import type { Database, Statement } from 'better-sqlite3';

export type OutboxKind = 'crossing' | 'void' | 'audit';

// One prepared statement per database: enqueue runs on every record, inside its transaction.
const insertStatements = new WeakMap<Database, Statement<[OutboxKind, number]>>();

/**
 * Takes the next per-appliance seq for an item to be synced. Called inside the
 * transaction that writes the item, so the item and its place in the queue
 * commit together or not at all. The item is then stored under this seq.
 */
export function enqueue(db: Database, kind: OutboxKind, at: Date): number {
  let insert = insertStatements.get(db);
  if (insert === undefined) {
    insert = db.prepare('INSERT INTO outbox (kind, created_at) VALUES (?, ?)');
    insertStatements.set(db, insert);
  }
  return Number(insert.run(kind, at.getTime()).lastInsertRowid);
}
