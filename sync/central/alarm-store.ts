import type { Database, Statement } from 'better-sqlite3';
import * as z from 'zod';

/** Something an operator must look into; today only a seq that came back with different content. */
export const AlarmKind = z.enum(['digest_mismatch']);
export type AlarmKind = z.infer<typeof AlarmKind>;

export interface Alarm {
  readonly raisedAt: string;
  readonly kind: AlarmKind;
  readonly applianceId: string;
  readonly keyId: string;
  readonly seq: number | null;
  /** Ids, seqs and digests only: alarms are read by people who need not see documents. */
  readonly detail: string;
}

const AlarmRow = z.object({
  raised_at: z.string(),
  kind: AlarmKind,
  appliance_id: z.string(),
  key_id: z.string(),
  seq: z.number().int().positive().nullable(),
  detail: z.string(),
});

export class AlarmStore {
  private readonly insert: Statement;

  constructor(private readonly db: Database) {
    this.insert = db.prepare('INSERT INTO alarms (raised_at, kind, appliance_id, key_id, seq, detail) VALUES (?, ?, ?, ?, ?, ?)');
  }

  raise(alarm: Alarm): void {
    this.insert.run(alarm.raisedAt, alarm.kind, alarm.applianceId, alarm.keyId, alarm.seq, alarm.detail);
  }

  list(): Alarm[] {
    return z
      .array(AlarmRow)
      .parse(this.db.prepare('SELECT raised_at, kind, appliance_id, key_id, seq, detail FROM alarms ORDER BY id').all())
      .map((row) => ({ raisedAt: row.raised_at, kind: row.kind, applianceId: row.appliance_id, keyId: row.key_id, seq: row.seq, detail: row.detail }));
  }
}
