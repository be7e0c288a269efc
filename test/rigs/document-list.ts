import path from 'node:path';
import type { DocumentListEntry } from '../../main/common/contract/alert-lists.js';
import { DocumentList } from '../../main/core/alerts/document-list.js';
import { openDatabase } from '../../main/core/db/open-database.js';
import { DATABASE_FILE_NAME } from '../../main/core/store/open-store.js';

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
