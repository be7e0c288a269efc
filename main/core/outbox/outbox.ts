import type { Database, Statement } from 'better-sqlite3';
import { Subject, type Observable } from 'rxjs';
import * as z from 'zod';
import type { SyncedItemKind } from '../../common/contract/synced-item-kind.js';

const Seq = z.number().int().nonnegative();

export type OutboxKind = SyncedItemKind;

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
  const seq = Number(insert.run(kind, at.getTime()).lastInsertRowid);
  // Inside the transaction, before its commit: harmless, since the relay reads only after the current
  // synchronous work (this transaction included) has finished, and a rolled-back write just costs it one empty read.
  additions.get(db)?.next(seq);
  return seq;
}

const additions = new WeakMap<Database, Subject<number>>();

/** Ticks with each seq enqueued on this database: the relay's wake-up on commit. */
export function outboxAdditions(db: Database): Observable<number> {
  let subject = additions.get(db);
  if (subject === undefined) {
    subject = new Subject<number>();
    additions.set(db, subject);
  }
  return subject.asObservable();
}

/** Everything up to this seq has been acknowledged by central. */
export function deliveredThrough(db: Database): number {
  return Seq.parse(db.prepare('SELECT delivered_through_seq FROM delivery WHERE id = 1').pluck().get());
}

/**
 * Moves the delivery mark forward (never back: a late or repeated ack for an
 * older batch must not make delivered items pending again).
 */
export function markDeliveredThrough(db: Database, seq: number, at: Date): void {
  db.prepare('UPDATE delivery SET delivered_through_seq = max(delivered_through_seq, ?), updated_at = ? WHERE id = 1').run(seq, at.getTime());
}
