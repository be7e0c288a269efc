import type { Database, Statement } from 'better-sqlite3';
import { canonicalJson } from '../../common/json/canonical-json.js';
import { v7 as uuidv7 } from 'uuid';
import type { AuditAction, AuditEvent } from '../../common/contract/audit.js';
import type { ApplianceKey } from '../keys/appliance-key.js';
import { enqueue } from '../outbox/outbox.js';
import { encodeAuditBody } from '../store/body-codec.js';
import { GENESIS_HASH, chainHash, checkpointPayload } from './chain-hash.js';

export interface AuditEntry {
  readonly action: AuditAction;
  readonly officerId: string | null;
  readonly at: Date;
  readonly details?: AuditEvent['details'];
}

export interface AuditCheckpoint {
  readonly chainIndex: number;
  readonly headHash: string;
  readonly signedAt: string;
}

interface ChainHead {
  readonly chain_index: number;
  readonly hash: Buffer;
}

/**
 * Appends officer actions to the hash chain and signs checkpoints of its head.
 * `append` must run inside the caller's write transaction (BEGIN IMMEDIATE),
 * beside the record it accompanies: reading the head and writing the next link
 * under one lock is what keeps two writers from forking the chain.
 */
export class AuditTrail {
  private readonly readHead: Statement<[], ChainHead>;
  private readonly insertEvent: Statement<[number, number, Buffer, Buffer, Buffer]>;
  private readonly insertCheckpoint: Statement<[number, string, string, string, string]>;
  private readonly lastCheckpoint: Statement<[], { chain_index: number }>;

  constructor(
    private readonly db: Database,
    private readonly applianceId: string,
  ) {
    this.readHead = db.prepare('SELECT chain_index, hash FROM audit_events ORDER BY chain_index DESC LIMIT 1');
    this.insertEvent = db.prepare('INSERT INTO audit_events (chain_index, seq, body, prev_hash, hash) VALUES (?, ?, ?, ?, ?)');
    this.insertCheckpoint = db.prepare(
      'INSERT INTO audit_checkpoints (chain_index, head_hash, signed_at, public_key, signature) VALUES (?, ?, ?, ?, ?)',
    );
    this.lastCheckpoint = db.prepare('SELECT chain_index FROM audit_checkpoints ORDER BY id DESC LIMIT 1');
  }

  append(entry: AuditEntry): AuditEvent {
    if (!this.db.inTransaction) throw new Error('AuditTrail.append must run inside the write transaction of the action it records');
    const head = this.readHead.get();
    const id = uuidv7();
    const seq = enqueue(this.db, 'audit', entry.at);
    const event: AuditEvent = {
      v: 1,
      id,
      chainIndex: (head?.chain_index ?? 0) + 1,
      seq,
      at: entry.at.toISOString(),
      action: entry.action,
      officerId: entry.officerId,
      applianceId: this.applianceId,
      details: entry.details ?? {},
    };
    const body = canonicalJson(event);
    const previousHash = head === undefined ? GENESIS_HASH : head.hash.toString('hex');
    this.insertEvent.run(event.chainIndex, seq, encodeAuditBody(body), Buffer.from(previousHash, 'hex'), Buffer.from(chainHash(previousHash, body), 'hex'));
    return event;
  }

  /** Signs the current head; a no-op when nothing was appended since the last checkpoint. */
  checkpoint(key: ApplianceKey, at: Date): AuditCheckpoint | undefined {
    return this.db
      .transaction((): AuditCheckpoint | undefined => {
        const head = this.readHead.get();
        if (head === undefined || this.lastCheckpoint.get()?.chain_index === head.chain_index) return undefined;
        const signedAt = at.toISOString();
        const headHash = head.hash.toString('hex');
        const signature = key.sign(checkpointPayload(this.applianceId, head.chain_index, headHash, signedAt));
        this.insertCheckpoint.run(head.chain_index, headHash, signedAt, key.publicKeyBase64, signature.toString('base64'));
        return { chainIndex: head.chain_index, headHash, signedAt };
      })
      .immediate();
  }
}
