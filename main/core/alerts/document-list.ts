import type { Database, Statement } from 'better-sqlite3';
import * as z from 'zod';
import { DocumentListReason, type DocumentHit, type DocumentListEntry } from '../../common/contract/alert-lists.js';
import { documentKey, printedNumber, stateCode } from '../../common/alerts/document-number.js';

const REASONS = DocumentListReason.options;
const DAY_MS = 86_400_000;

/** A row as stored, checked on the way out: a damaged row is reported, never passed on as a hit. */
const DocumentRow = z.object({
  key: z.string(),
  number: z.string().min(1),
  document_type: z.string(),
  reason: z.number().int().min(0).max(REASONS.length - 1),
  source: z.string().min(1),
  reported_day: z.number().int(),
});

/** Document codes name a family by their first letter (P, PO, PD… are passports; I, ID, IR… cards). */
function sameFamily(listed: string, presented: string): boolean {
  return listed === '' || presented === '' || listed.startsWith(presented.slice(0, 1));
}

/**
 * The listed documents in SQLite: changed in one transaction per delta, looked
 * up by one primary-key probe. Callers that write run inside their own
 * transaction when the change must go with others (the delta's version).
 */
export class DocumentList {
  private readonly find: Statement<[string]>;
  private readonly insert: Statement<[string, string, string, number, number, number]>;
  private readonly remove: Statement<[string, string, string]>;
  private readonly sourceId: Statement<[string], { id: number }>;
  private readonly listVersion: Statement<[]>;
  private readonly addSource: Statement<[string]>;
  private readonly sources = new Map<string, number>();

  constructor(private readonly db: Database) {
    this.find = db.prepare(
      'SELECT d.key, d.number, d.document_type, d.reason, s.name AS source, d.reported_day FROM alert_documents d JOIN alert_document_sources s ON s.id = d.source_id WHERE d.key = ?',
    );
    this.insert = db.prepare('INSERT OR REPLACE INTO alert_documents (key, number, document_type, reason, source_id, reported_day) VALUES (?, ?, ?, ?, ?, ?)');
    this.remove = db.prepare('DELETE FROM alert_documents WHERE key = ? AND number = ? AND document_type = ?');
    this.sourceId = db.prepare('SELECT id FROM alert_document_sources WHERE name = ?');
    this.addSource = db.prepare('INSERT INTO alert_document_sources (name) VALUES (?)');
    // Read on every scan: prepared once.
    this.listVersion = db.prepare("SELECT version FROM reference_versions WHERE kind = 'document-list'").pluck();
  }

  /** Adds or replaces entries and removes others, in one transaction. */
  change(upserts: readonly DocumentListEntry[], removals: readonly Pick<DocumentListEntry, 'issuingState' | 'number' | 'documentType'>[] = []): void {
    this.db.transaction(() => {
      for (const entry of removals) this.remove.run(documentKey(entry.issuingState, entry.number), printedNumber(entry.number), stateCode(entry.documentType));
      for (const entry of upserts) {
        this.insert.run(
          documentKey(entry.issuingState, entry.number),
          printedNumber(entry.number),
          stateCode(entry.documentType),
          REASONS.indexOf(entry.reason),
          this.source(entry.source),
          Math.round(Date.parse(`${entry.reportedAt}T00:00:00Z`) / DAY_MS),
        );
      }
    })();
  }

  /** The listed documents a presented one matches: the same state and number, exactly or OCR-equivalent, of the same family. */
  check(issuingState: string, documentCode: string, number: string): DocumentHit[] {
    const presented = printedNumber(number);
    const family = stateCode(documentCode);
    const rows: unknown[] = this.find.all(documentKey(issuingState, number));
    return rows.flatMap((raw): DocumentHit[] => {
      const row = DocumentRow.parse(raw);
      if (!sameFamily(row.document_type, family)) return [];
      const [state] = row.key.split(':');
      const entry: DocumentListEntry = {
        issuingState: state ?? '',
        documentType: row.document_type,
        number: row.number,
        reason: REASONS[row.reason] ?? 'invalidated',
        source: row.source,
        reportedAt: new Date(row.reported_day * DAY_MS).toISOString().slice(0, 10),
      };
      return [{ entry, how: row.number === presented ? 'exact' : 'ocr-equivalent' }];
    });
  }

  /** The list's version from central; 0 while none has been applied (the check then cannot run). */
  version(): number {
    const version: unknown = this.listVersion.get();
    return typeof version === 'number' ? version : 0;
  }

  count(): number {
    return this.db.prepare('SELECT count(*) FROM alert_documents').pluck().get() as number;
  }

  private source(name: string): number {
    const known = this.sources.get(name) ?? this.sourceId.get(name)?.id;
    if (known !== undefined) {
      this.sources.set(name, known);
      return known;
    }
    const id = Number(this.addSource.run(name).lastInsertRowid);
    this.sources.set(name, id);
    return id;
  }
}

