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
] as const;

/** RFC 4180 quoting, and a leading quote on cells a spreadsheet would run as a formula. */
function csvCell(value: string | number | boolean | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes the crossings recorded in a period (and the voids that cancel them
 * and the resolutions of referrals, in JSON lines; CSV is one row a crossing),
 * in seq order, then audits the export itself in its own transaction. Every
 * row is validated on the way out: a damaged one stops the export, naming it.
 */
export function exportCrossings(
  db: Database,
  audit: AuditTrail,
  range: ExportRange,
  format: ExportFormat,
  write: (text: string) => void,
  /** Who exported, for the audit trail; null from the command line, run by whoever holds the data folder. */
  officerId: string | null = null,
): number {
  const voidedBy = new Map(
    (db.prepare('SELECT crossing_id, id FROM voids').all() as { crossing_id: string; id: string }[]).map((row) => [row.crossing_id, row.id]),
  );
  let count = 0;
  if (format === 'csv') write(`${CSV_COLUMNS.join(',')}\r\n`);
  const rows = db
    .prepare(
      `SELECT 'crossing' AS kind, seq, body FROM crossings WHERE recorded_at >= ? AND recorded_at < ?
       UNION ALL SELECT 'void' AS kind, seq, body FROM voids WHERE recorded_at >= ? AND recorded_at < ?
       UNION ALL SELECT 'resolution' AS kind, seq, body FROM resolutions WHERE recorded_at >= ? AND recorded_at < ?
       ORDER BY seq`,
    )
    .iterate(range.sinceMs, range.untilMs, range.sinceMs, range.untilMs, range.sinceMs, range.untilMs) as IterableIterator<{ kind: 'crossing' | 'void' | 'resolution'; seq: number; body: unknown }>;
  for (const row of rows) {
    const stored = row.kind === 'crossing' ? readStoredCrossing(row.body) : row.kind === 'void' ? readStoredVoid(row.body) : readStoredResolution(row.body);
    if (!stored.ok) throw new Error(`the stored ${row.kind} with seq ${String(row.seq)} is damaged (${stored.problem}); the export stopped there`);
    count += 1;
    if (format === 'jsonl') {
      write(`${JSON.stringify(stored.record)}\n`);
      continue;
    }
    if (stored.record.kind !== 'crossing') continue;
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
    };
    write(`${CSV_COLUMNS.map((column) => csvCell(cells[column])).join(',')}\r\n`);
  }
  db.transaction(() => {
    audit.append({
      action: 'export',
      officerId,
      at: new Date(),
      details: { format, records: count, since: new Date(range.sinceMs).toISOString(), until: new Date(range.untilMs).toISOString() },
    });
  }).immediate();
  return count;
}
