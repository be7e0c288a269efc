import type { Database } from 'better-sqlite3';
import type { AuditVerificationView } from '../../common/contract/audit.js';
import type { RpcHandlers } from '../rpc/handlers.js';
import { AuditLog } from './audit-log.js';
import { verifyAuditTrailInTurns } from './verify-audit-trail.js';

/** The supervisor's audit viewer: the trail, and its verification, one run at a time however many screens ask. */
export class AuditService {
  private readonly log: AuditLog;
  private running: Promise<AuditVerificationView> | undefined;

  constructor(
    private readonly db: Database,
    private readonly applianceId: string,
    private readonly publicKeyBase64: string,
  ) {
    this.log = new AuditLog(db);
  }

  verify(): Promise<AuditVerificationView> {
    this.running ??= verifyAuditTrailInTurns(this.db, this.applianceId, this.publicKeyBase64)
      .then((result) => ({
        intact: result.intact,
        events: result.events,
        checkpoints: result.checkpoints,
        firstBreak: result.firstBreak ?? null,
        verifiedAt: new Date().toISOString(),
      }))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  handlers(): Pick<RpcHandlers['methods'], 'audit.events' | 'audit.verify'> {
    return {
      'audit.events': (query) => this.log.events(query),
      'audit.verify': () => this.verify(),
    };
  }
}
