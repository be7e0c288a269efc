import type { Migration } from '../migration.js';

/**
 * The outbox (one per-appliance sequence over everything synced to central)
 * and the tamper-evident audit trail with its signed checkpoints.
 */
export const migration001: Migration = {
  version: 1,
  name: 'outbox-and-audit',
  up(db) {
    db.exec(`
      -- AUTOINCREMENT: a seq is never reused, even after retention purges the newest rows' neighbours.
      -- The item is found by its seq (crossings, voids and audit_events are keyed by it), so no item id here.
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('crossing', 'void', 'audit')),
        created_at INTEGER NOT NULL
      ) STRICT;

      -- Central acknowledges through a seq, in order, so delivery is one high-water mark rather than a
      -- state on every row: recording never pays for an index of undelivered rows, and an ack is one write.
      CREATE TABLE delivery (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        delivered_through_seq INTEGER NOT NULL CHECK (delivered_through_seq >= 0),
        updated_at INTEGER NOT NULL
      ) STRICT;
      INSERT INTO delivery (id, delivered_through_seq, updated_at) VALUES (1, 0, 0);

      CREATE TABLE audit_events (
        chain_index INTEGER PRIMARY KEY CHECK (chain_index > 0),
        seq INTEGER NOT NULL UNIQUE REFERENCES outbox (seq),
        -- The event's canonical JSON, compressed (store/body-codec); the chain hashes the JSON text.
        body BLOB NOT NULL,
        -- SHA-256 digests as 32 bytes: hex would double them, on two or three events per crossing.
        prev_hash BLOB NOT NULL CHECK (length(prev_hash) = 32),
        hash BLOB NOT NULL CHECK (length(hash) = 32)
      ) STRICT;

      CREATE TABLE audit_checkpoints (
        id INTEGER PRIMARY KEY,
        chain_index INTEGER NOT NULL,
        head_hash TEXT NOT NULL CHECK (length(head_hash) = 64),
        signed_at TEXT NOT NULL,
        public_key TEXT NOT NULL,
        signature TEXT NOT NULL
      ) STRICT;
    `);
  },
};
