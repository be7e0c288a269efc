import type { Database } from 'better-sqlite3';
import type { AuditTrail } from '../audit/audit-trail.js';
import { readStoredCrossing, readStoredResolution, readStoredVoid } from './stored-records.js';

export type ExportFormat = 'jsonl' | 'csv';

export interface ExportRange {
  /** Inclusive, epoch ms. */
  readonly sinceMs: number;
  /** Exclusive, epoch ms. */
  readonly untilMs: number;
}

const CSV_COLUMNS = [
  'id',
  'seq',
  'recordedAt',
  'lane',
  'direction',
  'decision',
  'reasons',
  'officerId',
  'capture',
  'mrzValid',
  'documentCode',
  'issuingState',
  'documentNumber',
  'nationality',
  'surname',
  'givenNames',
  'birthDate',
  'sex',
  'expiryDate',
  'lengthOfStayDays',
  'voidedBy',
  /** For a referral: the second line's outcome (admitted, refused), and the supervisor who resolved it. */
  'resolution',
  'resolvedBy',
] as const;

/** RFC 4180 quoting, and a leading quote on cells a spreadsheet would run as a formula. */
function csvCell(value: string | number | boolean | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

type StoredKind = 'crossing' | 'void' | 'resolution';

const KIND_TABLE: Readonly<Record<StoredKind, string>> = { crossing: 'crossings', void: 'voids', resolution: 'resolutions' };

/** Records written per page: a page is one turn of the core's event loop when the screen exports. */
export const EXPORT_PAGE_RECORDS = 500;

/**
 * The crossings recorded in a period (and the voids that cancel them and the
 * resolutions of referrals, in JSON lines; CSV is one row a crossing), in seq
 * order, a page at a time. Which records belong to the export is fixed when it
 * starts (their seqs, read from the time indexes); each page then reads its
 * bodies by seq, so that no statement stays open between pages and the core
 * goes on recording in between. Every row is validated on the way out: a
 * damaged one stops the export, naming it.
 */
export class CrossingExport {
  private readonly voidedBy: ReadonlyMap<string, string>;
  private readonly resolvedAs: ReadonlyMap<string, { readonly outcome: string; readonly officerId: string }>;
  private readonly pending: { readonly kind: StoredKind; readonly seq: number }[];
  private readonly bodyOf: Readonly<Record<StoredKind, (seq: number) => unknown>>;
  private next = 0;
  private started = false;
  private written = 0;

  constructor(
    private readonly db: Database,
    private readonly range: ExportRange,
    private readonly format: ExportFormat,
  ) {
    this.voidedBy = new Map(
      (db.prepare('SELECT crossing_id, id FROM voids').all() as { crossing_id: string; id: string }[]).map((row) => [row.crossing_id, row.id]),
    );
    this.resolvedAs = new Map(
      (db.prepare('SELECT referral_id, outcome, officer_id FROM resolutions').all() as { referral_id: string; outcome: string; officer_id: string }[]).map((row) => [
        row.referral_id,
        { outcome: row.outcome, officerId: row.officer_id },
      ]),
    );
    const seqs = (kind: StoredKind): { kind: StoredKind; seq: number }[] =>
      (db.prepare(`SELECT seq FROM ${KIND_TABLE[kind]} WHERE recorded_at >= ? AND recorded_at < ?`).pluck().all(range.sinceMs, range.untilMs) as number[]).map((seq) => ({ kind, seq }));
    this.pending = [...seqs('crossing'), ...seqs('void'), ...seqs('resolution')].sort((a, b) => a.seq - b.seq);
    const body = (kind: StoredKind) => {
      const statement = db.prepare(`SELECT body FROM ${KIND_TABLE[kind]} WHERE seq = ?`).pluck();
      return (seq: number): unknown => statement.get(seq);
    };
    this.bodyOf = { crossing: body('crossing'), void: body('void'), resolution: body('resolution') };
  }

  /** Records written so far. */
  get count(): number {
    return this.written;
  }

  get done(): boolean {
    return this.next >= this.pending.length;
  }

  /** Writes up to `limit` more records; false once there are none left. */
  writePage(write: (text: string) => void, limit = EXPORT_PAGE_RECORDS): boolean {
    if (!this.started && this.format === 'csv') write(`${CSV_COLUMNS.join(',')}\r\n`);
    this.started = true;
    const end = Math.min(this.pending.length, this.next + limit);
    for (; this.next < end; this.next += 1) {
      const entry = this.pending[this.next];
      if (entry !== undefined) this.writeRecord(entry.kind, entry.seq, write);
    }
    return !this.done;
  }

  /** Audits the export in its own transaction: who, which period, how many records, and whether it ran to its end. */
  audit(audit: AuditTrail, officerId: string | null): void {
    this.db
      .transaction(() => {
        audit.append({
          action: 'export',
          officerId,
          at: new Date(),
          details: {
            format: this.format,
            records: this.written,
            since: new Date(this.range.sinceMs).toISOString(),
            until: new Date(this.range.untilMs).toISOString(),
            ...(this.done ? {} : { completed: false }),
          },
        });
      })
      .immediate();
  }

  private writeRecord(kind: StoredKind, seq: number, write: (text: string) => void): void {
    const format = this.format;
    const voidedBy = this.voidedBy;
    const body = this.bodyOf[kind](seq);
    // Gone since the export started (retention purged it): nothing to write.
    if (body === undefined) return;
    const stored = kind === 'crossing' ? readStoredCrossing(body) : kind === 'void' ? readStoredVoid(body) : readStoredResolution(body);
    if (!stored.ok) throw new Error(`the stored ${kind} with seq ${String(seq)} is damaged (${stored.problem}); the export stopped there`);
    this.written += 1;
    if (format === 'jsonl') {
      write(`${JSON.stringify(stored.record)}\n`);
      return;
    }
    if (stored.record.kind !== 'crossing') return;
    const record = stored.record;
    const fields = record.document.fields;
    const cells: Record<(typeof CSV_COLUMNS)[number], string | number | boolean | undefined> = {
      id: record.id,
      seq: record.seq,
      recordedAt: record.recordedAt,
      lane: record.lane,
      direction: record.direction,
      decision: record.decision.outcome,
      reasons: record.decision.reasons.join(' '),
      officerId: record.officerId,
      capture: record.document.source.method === 'reader' ? `reader:${record.document.source.readerId}` : 'manual',
      mrzValid: record.document.valid,
      documentCode: fields.documentCode,
      issuingState: fields.issuingState,
      documentNumber: fields.documentNumber,
      nationality: fields.nationality,
      surname: fields.surname,
      givenNames: fields.givenNames,
      birthDate: fields.birthDateIso ?? fields.birthDate,
      sex: fields.sex,
      expiryDate: fields.expiryDateIso ?? fields.expiryDate,
      lengthOfStayDays: record.lengthOfStayDays,
      voidedBy: voidedBy.get(record.id),
      resolution: this.resolvedAs.get(record.id)?.outcome,
      resolvedBy: this.resolvedAs.get(record.id)?.officerId,
    };
    write(`${CSV_COLUMNS.map((column) => csvCell(cells[column])).join(',')}\r\n`);
  }
}

/** The whole export at once, then its audit: for `sahman export`, which writes to a file or a pipe. */
export function exportCrossings(
  db: Database,
  audit: AuditTrail,
  range: ExportRange,
  format: ExportFormat,
  write: (text: string) => void,
  /** Who exported, for the audit trail; null from the command line, run by whoever holds the data folder. */
  officerId: string | null = null,
): number {
  const records = new CrossingExport(db, range, format);
  while (records.writePage(write)) {
    // Each page writes; nothing else waits on this thread in the command.
  }
  records.audit(audit, officerId);
  return records.count;
}
