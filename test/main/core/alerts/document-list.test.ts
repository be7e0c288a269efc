import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { DocumentListEntry } from '../../../../main/common/contract/alert-lists.js';
import { DocumentList } from '../../../../main/core/alerts/document-list.js';
import { migrate } from '../../../../main/core/db/migrate.js';
import { migrations } from '../../../../main/core/db/migrations/index.js';
import { openDatabase } from '../../../../main/core/db/open-database.js';
import { tempDir } from '../../../rigs/temp-dir.js';
import { reopenableDatabase } from '../../../rigs/reopenable-database.js';

const STOLEN: DocumentListEntry = { issuingState: 'UTO', documentType: 'P', number: 'L898902C3', reason: 'stolen', source: 'UTO national police', reportedAt: '2026-03-14' };
const LOST_CARD: DocumentListEntry = { issuingState: 'D', documentType: 'ID', number: 'T22000129', reason: 'lost', source: 'SLTD', reportedAt: '2025-11-02' };

function list(): DocumentList {
  const db = openDatabase(path.join(tempDir(), 'sahman.db'));
  migrate(db, migrations);
  return new DocumentList(db);
}

describe('the listed documents', () => {
  it('finds a listed document as printed, and says it is exact', () => {
    const documents = list();
    documents.change([STOLEN, LOST_CARD]);
    expect(documents.check('UTO', 'P', 'L898902C3')).toEqual([{ entry: STOLEN, how: 'exact' }]);
    expect(documents.check('D<<', 'ID', 'T22000129')).toEqual([{ entry: LOST_CARD, how: 'exact' }]);
  });

  it('finds it through an OCR misreading, and says so', () => {
    const documents = list();
    documents.change([STOLEN]);
    expect(documents.check('UTO', 'P', 'L8989O2C3')).toEqual([{ entry: STOLEN, how: 'ocr-equivalent' }]);
    expect(documents.check('UTO', 'PO', 'L89B9O2C3')).toEqual([{ entry: STOLEN, how: 'ocr-equivalent' }]);
  });

  it('answers nothing for another number, another state or another kind of document', () => {
    const documents = list();
    documents.change([STOLEN]);
    expect(documents.check('UTO', 'P', 'L898902C4')).toEqual([]);
    expect(documents.check('ARM', 'P', 'L898902C3')).toEqual([]);
    expect(documents.check('UTO', 'V', 'L898902C3')).toEqual([]);
  });

  it('replaces an entry given again and forgets a removed one', () => {
    const documents = list();
    documents.change([STOLEN, LOST_CARD]);
    documents.change([{ ...STOLEN, reason: 'revoked' }], [LOST_CARD]);
    expect(documents.count()).toBe(1);
    expect(documents.check('UTO', 'P', 'L898902C3')).toEqual([{ entry: { ...STOLEN, reason: 'revoked' }, how: 'exact' }]);
    expect(documents.check('D', 'ID', 'T22000129')).toEqual([]);
  });

  it('keeps two listed numbers that only OCR would confuse as two entries', () => {
    const documents = list();
    const twin = { ...STOLEN, number: 'L8989O2C3', reason: 'lost' as const };
    documents.change([STOLEN, twin]);
    expect(documents.check('UTO', 'P', 'L898902C3').map((hit) => [hit.entry.number, hit.how])).toEqual([
      ['L898902C3', 'exact'],
      ['L8989O2C3', 'ocr-equivalent'],
    ]);
  });
});

describe('a delta staged while the lane goes on checking', () => {
  const store = reopenableDatabase;
  const moveVersion = (db: Database, version: number): void => {
    db.prepare("INSERT OR REPLACE INTO reference_versions (kind, version, applied_at) VALUES ('document-list', ?, 0)").run(version);
  };

  it('is not the list until its version is in force; then the replaced entry reads as replaced and the removed one is gone', async () => {
    const { db } = store();
    const documents = new DocumentList(db);
    documents.change([STOLEN, LOST_CARD]);
    await documents.stage(1, [{ ...STOLEN, reason: 'revoked' }], [LOST_CARD]);
    expect(documents.check('UTO', 'P', 'L898902C3')).toEqual([{ entry: STOLEN, how: 'exact' }]);
    expect(documents.check('D<<', 'ID', 'T22000129')).toHaveLength(1);
    moveVersion(db, 1);
    documents.commit(1);
    expect(documents.check('UTO', 'P', 'L898902C3')).toEqual([{ entry: { ...STOLEN, reason: 'revoked' }, how: 'exact' }]);
    expect(documents.check('D<<', 'ID', 'T22000129')).toEqual([]);
    expect(documents.count()).toBe(1);
    // The superseded rows are swept in the turns that follow.
    await expect.poll(() => db.prepare('SELECT count(*) FROM alert_documents').pluck().get()).toBe(1);
  });

  it('after a stop mid-delta, starts from the list as it was', async () => {
    const { db, reopen } = store();
    const documents = new DocumentList(db);
    documents.change([STOLEN]);
    await documents.stage(1, [{ ...STOLEN, reason: 'revoked' }, LOST_CARD], []);
    const again = new DocumentList(reopen());
    expect(again.check('UTO', 'P', 'L898902C3')).toEqual([{ entry: STOLEN, how: 'exact' }]);
    expect(again.check('D<<', 'ID', 'T22000129')).toEqual([]);
    expect(again.count()).toBe(1);
  });

  it('takes back a delta that did not come into force', async () => {
    const { db } = store();
    const documents = new DocumentList(db);
    documents.change([STOLEN]);
    await documents.stage(1, [LOST_CARD], [STOLEN]);
    documents.unstage(1);
    moveVersion(db, 1);
    expect(documents.check('UTO', 'P', 'L898902C3')).toHaveLength(1);
    expect(documents.check('D<<', 'ID', 'T22000129')).toEqual([]);
  });
});
