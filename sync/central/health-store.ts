import type { Database, Statement } from 'better-sqlite3';
import * as z from 'zod';
import { HealthReport } from '../protocol/wire.js';

const HealthRow = z.object({ key_id: z.string(), received_at: z.string(), report: z.string() });

/** Device health is a lossy side channel: only each appliance's latest report is worth keeping. */
export class HealthStore {
  private readonly upsert: Statement;
  private readonly byAppliance: Statement;

  constructor(db: Database) {
    this.upsert = db.prepare(
      `INSERT INTO health_reports (appliance_id, key_id, received_at, report) VALUES (?, ?, ?, ?)
       ON CONFLICT (appliance_id) DO UPDATE SET key_id = excluded.key_id, received_at = excluded.received_at, report = excluded.report`,
    );
    this.byAppliance = db.prepare('SELECT key_id, received_at, report FROM health_reports WHERE appliance_id = ?');
  }

  record(applianceId: string, keyId: string, report: HealthReport, receivedAt: Date): void {
    this.upsert.run(applianceId, keyId, receivedAt.toISOString(), JSON.stringify(report));
  }

  latest(applianceId: string): { keyId: string; receivedAt: string; report: HealthReport } | undefined {
    const row: unknown = this.byAppliance.get(applianceId);
    if (row === undefined) return undefined;
    const parsed = HealthRow.parse(row);
    return { keyId: parsed.key_id, receivedAt: parsed.received_at, report: HealthReport.parse(JSON.parse(parsed.report)) };
  }
}
