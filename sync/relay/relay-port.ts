import type { BatchAck, SyncItemKind } from '../protocol/wire.js';

/** One outbox item ready to send: its SyncItem already serialised, so that a batch is joined, not re-encoded. */
export interface PendingItem {
  readonly seq: number;
  readonly kind: SyncItemKind;
  /** The SyncItem's JSON text ({seq, kind, record, supersedes?}). */
  readonly json: string;
}

export interface Backlog {
  /** Items not yet acknowledged by central. */
  readonly count: number;
  /** When the oldest of them was recorded (epoch ms); null when there is none. */
  readonly oldestRecordedAtMs: number | null;
}

/**
 * What the relay needs from the appliance's store. The core implements it over
 * SQLite; sync never touches the database itself (sync does not import the core).
 */
export interface RelayStore {
  /** Everything up to this seq is held by central. */
  deliveredThrough(): number;
  /** Items after afterSeq in seq order: at most maxItems, and no more than about maxBytes (always at least one). */
  readPending(afterSeq: number, maxItems: number, maxBytes: number): readonly PendingItem[];
  /** Records central's answer in one transaction: the delivery mark, and a dead letter per rejected item. */
  acknowledge(ack: BatchAck, at: Date): void;
  backlog(): Backlog;
  /**
   * Items recorded between the two times (epoch ms, by when they entered the
   * outbox), plus every item sent again after a fix: what reconciliation compares.
   */
  itemsRecordedBetween(fromMs: number, toMs: number): readonly PendingItem[];
  /** Items central rejected that nobody has requeued yet. */
  deadLetterCount(): number;
}
