import type { Database, Statement } from 'better-sqlite3';
import { DOCUMENTS_PACE as PACE } from './staging-pace.js';
import { stagingPass, VersionedRows } from './versioned-rows.js';
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
  since: z.number().int().nonnegative(),
  until: z.number().int().nullable(),
  reason: z.number().int().min(0).max(REASONS.length - 1),
  source: z.string().min(1),
  reported_day: z.number().int(),
});

/** Document codes name a family by their first letter (P, PO, PD… are passports; I, ID, IR… cards). */
function sameFamily(listed: string, presented: string): boolean {
  return listed === '' || presented === '' || listed.startsWith(presented.slice(0, 1));
}

type DocumentRef = Pick<DocumentListEntry, 'issuingState' | 'number' | 'documentType'>;

/**
 * The listed documents in SQLite, looked up by one primary-key probe. Rows
 * carry the versions they are valid for (migration 010): a delta from central
 * is staged as rows of its new version a few hundred at a time, comes into
 * force when the caller's one short transaction moves the list's version, and
 * the rows it superseded are swept afterwards. A delta that fails, or a stop
 * while staging, leaves the list exactly as it was.
 */
export class DocumentList {
  private readonly find: Statement<[string]>;
  private readonly insert: Statement<[string, string, string, number, number, number, number]>;
  private readonly removeAll: Statement<[string, string, string]>;
  private readonly supersede: Statement<[number, string, string, string, number]>;
  private readonly sourceId: Statement<[string], { id: number }>;
  private readonly listVersion: Statement<[]>;
  private readonly addSource: Statement<[string]>;
  private readonly rows: VersionedRows;
  private readonly sources = new Map<string, number>();

  constructor(private readonly db: Database) {
    this.find = db.prepare(
      'SELECT d.key, d.number, d.document_type, d.since, d.until, d.reason, s.name AS source, d.reported_day FROM alert_documents d JOIN alert_document_sources s ON s.id = d.source_id WHERE d.key = ?',
    );
    this.insert = db.prepare('INSERT OR REPLACE INTO alert_documents (key, number, document_type, since, until, reason, source_id, reported_day) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)');
    this.removeAll = db.prepare('DELETE FROM alert_documents WHERE key = ? AND number = ? AND document_type = ?');
    this.supersede = db.prepare('UPDATE alert_documents SET until = ? WHERE key = ? AND number = ? AND document_type = ? AND until IS NULL AND since < ?');
    this.sourceId = db.prepare('SELECT id FROM alert_document_sources WHERE name = ?');
    this.addSource = db.prepare('INSERT INTO alert_document_sources (name) VALUES (?)');
    // Read on every scan: prepared once.
    this.listVersion = db.prepare("SELECT version FROM reference_versions WHERE kind = 'document-list'").pluck();
    this.rows = new VersionedRows(db, { kind: 'document-list', table: 'alert_documents', key: 'key, number, document_type' }, PACE, () => this.version());
  }

  /** Adds or replaces entries and removes others at the list's current version, in one transaction (a local load, not a delta). */
  change(upserts: readonly DocumentListEntry[], removals: readonly DocumentRef[] = []): void {
    if (this.rows.busy) throw new Error('a document-list delta is being applied');
    const version = this.version();
    this.db.transaction(() => {
      for (const entry of removals) this.removeAll.run(documentKey(entry.issuingState, entry.number), printedNumber(entry.number), stateCode(entry.documentType));
      for (const entry of upserts) {
        this.removeAll.run(documentKey(entry.issuingState, entry.number), printedNumber(entry.number), stateCode(entry.documentType));
        this.write(entry, version);
      }
    })();
  }

  /**
   * Writes a delta as rows of `toVersion`, a few hundred per turn of the
   * event loop. Checks see none of it until the caller moves the list's
   * version to `toVersion` and calls commit(); if it does not, unstage().
   */
  stage(toVersion: number, upserts: readonly DocumentListEntry[], removals: readonly DocumentRef[]): Promise<void> {
    const supersede = (entry: DocumentRef): void => {
      this.supersede.run(toVersion, documentKey(entry.issuingState, entry.number), printedNumber(entry.number), stateCode(entry.documentType), toVersion);
    };
    return this.rows.stage(toVersion, [
      stagingPass(removals, PACE.rowsPerTurn, (refs) => refs.forEach(supersede)),
      stagingPass(upserts, PACE.rowsPerTurn, (entries) => {
        for (const entry of entries) {
          supersede(entry);
          this.write(entry, toVersion);
        }
      }),
    ]);
  }

  /** Call once the list's version is `toVersion`: sweeps the rows the delta superseded. */
  commit(toVersion: number): void {
    void this.rows.finish(toVersion);
  }

  /** Takes back a staged delta that did not come into force. */
  unstage(toVersion: number): void {
    this.rows.takeBack(toVersion);
  }

  private write(entry: DocumentListEntry, since: number): void {
    this.insert.run(
      documentKey(entry.issuingState, entry.number),
      printedNumber(entry.number),
      stateCode(entry.documentType),
      since,
      REASONS.indexOf(entry.reason),
      this.source(entry.source),
      Math.round(Date.parse(`${entry.reportedAt}T00:00:00Z`) / DAY_MS),
    );
  }

  /** The listed documents a presented one matches: the same state and number, exactly or OCR-equivalent, of the same family. */
  check(issuingState: string, documentCode: string, number: string): DocumentHit[] {
    const presented = printedNumber(number);
    const family = stateCode(documentCode);
    const rows: unknown[] = this.find.all(documentKey(issuingState, number));
    if (rows.length === 0) return [];
    const version = this.version();
    return rows.flatMap((raw): DocumentHit[] => {
      const row = DocumentRow.parse(raw);
      // Rows of a delta still being staged, and rows one in force has superseded, are not the list.
      if (row.since > version || (row.until !== null && row.until <= version)) return [];
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
    return this.db.prepare('SELECT count(*) FROM alert_documents WHERE until IS NULL AND since <= ?').pluck().get(this.version()) as number;
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

