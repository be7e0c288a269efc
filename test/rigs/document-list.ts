import path from 'node:path';
import { documentEntryId } from '../../main/common/alerts/document-number.js';
import type { DocumentListEntry, PersonListEntry } from '../../main/common/contract/alert-lists.js';
import { DocumentList } from '../../main/core/alerts/document-list.js';
import { PersonList } from '../../main/core/alerts/person-list.js';
import { openDatabase } from '../../main/core/db/open-database.js';
import { DATABASE_FILE_NAME } from '../../main/core/store/open-store.js';
import { SPECIMEN_PASSPORT } from './specimens.js';
import type { TestCentral } from './central.js';

/** The ICAO specimen passport, listed as stolen. */
export const SPECIMEN_STOLEN: DocumentListEntry = {
  issuingState: SPECIMEN_PASSPORT.issuingState,
  documentType: 'P',
  number: SPECIMEN_PASSPORT.documentNumber,
  reason: 'stolen',
  source: 'UTO national police',
  reportedAt: '2026-03-14',
};

/** Central publishes a version of both alert lists, each under its entries' ids, as `sahman central publish` would. */
export function publishAlertLists(central: TestCentral, documents: readonly DocumentListEntry[], persons: readonly PersonListEntry[]): void {
  central.central.store.deltas.publish('document-list', documents.map((entry) => ({ key: documentEntryId(entry), value: entry })), new Date());
  central.central.store.deltas.publish('person-list', persons.map((entry) => ({ key: entry.id, value: entry })), new Date());
}

/**
 * Lists documents on a running appliance through a second connection to its
 * database, with the store the downlink applies deltas through, and moves the
 * list's version as an applied delta does (the signed path is tested on its own).
 */
export function listDocuments(dataDir: string, entries: readonly DocumentListEntry[], version: number): void {
  const db = openDatabase(path.join(dataDir, DATABASE_FILE_NAME));
  try {
    db.transaction(() => {
      new DocumentList(db).change(entries);
      db.prepare(
        "INSERT INTO reference_versions (kind, version, applied_at) VALUES ('document-list', ?, ?) ON CONFLICT (kind) DO UPDATE SET version = excluded.version, applied_at = excluded.applied_at",
      ).run(version, Date.now());
    })();
  } finally {
    db.close();
  }
}

/**
 * Lists persons in a stopped appliance's database, and moves the list's version as an
 * applied delta does: the core builds its matcher from these rows when it next starts.
 */
export function listPersons(dataDir: string, entries: readonly PersonListEntry[], version: number): void {
  const db = openDatabase(path.join(dataDir, DATABASE_FILE_NAME));
  try {
    new PersonList(db).replace(entries);
    db.prepare(
      "INSERT INTO reference_versions (kind, version, applied_at) VALUES ('person-list', ?, ?) ON CONFLICT (kind) DO UPDATE SET version = excluded.version, applied_at = excluded.applied_at",
    ).run(version, Date.now());
  } finally {
    db.close();
  }
}
