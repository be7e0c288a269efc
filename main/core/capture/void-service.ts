import type { Database, Statement } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { VoidRecord } from '../../common/contract/crossing.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import { enqueue } from '../outbox/outbox.js';
import { DomainError, InvalidRequestError } from '../errors/domain-errors.js';
import { recordNotKept } from './store-errors.js';
import { storedBody } from './stored-records.js';

/**
 * Records are never edited or deleted by a user: a supervisor voids one, and
 * the void is a new record (with its outbox row and audit event) that names it.
 */
export class VoidService {
  private readonly findCrossing: Statement<[string], { voided: number }>;
  private readonly insertVoid: Statement<[number, string, string, number, string, Buffer]>;

  constructor(
    private readonly db: Database,
    private readonly audit: AuditTrail,
    private readonly applianceId: string,
  ) {
    this.findCrossing = db.prepare('SELECT EXISTS (SELECT 1 FROM voids WHERE crossing_id = c.id) AS voided FROM crossings c WHERE c.id = ?');
    this.insertVoid = db.prepare('INSERT INTO voids (seq, id, crossing_id, recorded_at, officer_id, body) VALUES (?, ?, ?, ?, ?, ?)');
  }

  void(crossingId: string, reason: string, officerId: string): { id: string; seq: number; recordedAt: string } {
    const at = new Date();
    const id = uuidv7();
    try {
      return this.db
        .transaction(() => {
          const crossing = this.findCrossing.get(crossingId);
          if (crossing === undefined) throw new InvalidRequestError('no crossing with this id on this appliance');
          if (crossing.voided === 1) throw new InvalidRequestError('this crossing is already voided');
          const seq = enqueue(this.db, 'void', at);
          const record = VoidRecord.parse({
            v: 1,
            kind: 'void',
            id,
            seq,
            applianceId: this.applianceId,
            voidedId: crossingId,
            reason,
            officerId,
            recordedAt: at.toISOString(),
          });
          this.insertVoid.run(seq, id, crossingId, at.getTime(), officerId, storedBody(record));
          this.audit.append({ action: 'void', officerId, at, details: { recordId: id, voidedId: crossingId } });
          return { id, seq, recordedAt: record.recordedAt };
        })
        .immediate();
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw recordNotKept(error);
    }
  }
}
