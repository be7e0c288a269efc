import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { AuditEvent } from '../../main/common/contract/audit.js';
import { openDatabase } from '../../main/core/db/open-database.js';
import { decodeStoredBody, encodeAuditBody } from '../../main/core/store/body-codec.js';
import { DATABASE_FILE_NAME } from '../../main/core/store/open-store.js';

/** Every audit event in chain order, read back and validated as the verifier reads them. */
export function auditEvents(db: Database): AuditEvent[] {
  return db
    .prepare('SELECT body FROM audit_events ORDER BY chain_index')
    .pluck()
    .all()
    .map((body) => AuditEvent.parse(JSON.parse(decodeStoredBody(body))));
}

/** The event's canonical JSON as stored (decompressed). */
export function auditBody(db: Database, chainIndex: number): string {
  return decodeStoredBody(db.prepare('SELECT body FROM audit_events WHERE chain_index = ?').pluck().get(chainIndex));
}

/**
 * Tampers with an event's text directly in SQLite, as someone with the file and
 * this (open) codec could: the hash is left as it was.
 */
export function editAuditBody(db: Database, chainIndex: number, edit: (text: string) => string): void {
  const edited = edit(auditBody(db, chainIndex));
  db.prepare('UPDATE audit_events SET body = ? WHERE chain_index = ?').run(encodeAuditBody(edited), chainIndex);
}

/** The account changes in a data folder's trail (creations, updates, (de)activations, PIN resets), read through a connection of their own. */
export function officerAccountEvents(dataDir: string): AuditEvent[] {
  const db = openDatabase(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  try {
    return auditEvents(db).filter(({ action }) => action.startsWith('officer-') || action === 'pin-reset');
  } finally {
    db.close();
  }
}
