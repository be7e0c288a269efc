/**
 * Alert-list figures. The document check with 10,000,000 listed documents
 * (`SAHMAN_BENCH_DOCUMENTS` sets the count) in the appliance's own store:
 * p50/p99 of a check (half listed, half not), the load time, the bytes per
 * entry on disk, and both projected linearly to SLTD's 100,000,000 entries.
 * And a 100,000-entry document-list delta applied the way the downlink applies
 * one (validated, then one transaction with its version) onto that list.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { DocumentListEntry } from '../../../main/common/contract/alert-lists.js';
import { documentEntryId } from '../../../main/common/alerts/document-number.js';
import { DocumentList } from '../../../main/core/alerts/document-list.js';
import { VisaTable } from '../../../main/core/reference/visa-table.js';
import { SqliteReferenceStore } from '../../../main/core/sync/reference-store.js';
import { pino } from 'pino';
import { openStore, DATABASE_FILE_NAME } from '../../../main/core/store/open-store.js';
import { PersonList } from '../../../main/core/alerts/person-list.js';
import { seededRandom } from '../../../drivers/simulator/seeded-random.js';
import { generatedDocument as generated } from '../document-population.js';
import { atMost, median, percentile, round, type BenchSuite } from '../suite.js';

const DOCUMENTS = Number(process.env.SAHMAN_BENCH_DOCUMENTS ?? 10_000_000);
const BATCH = 100_000;
const CHECKS = 100_000;
const SLTD_SCALE = 100_000_000;
const DELTA_ENTRIES = 100_000;

/** Seconds to apply one 100,000-entry delta through the reference store, as the downlink does. */
async function applyDelta(db: Database, random: () => number): Promise<number> {
  const reference = new SqliteReferenceStore(db, new VisaTable(), path.join(os.tmpdir(), 'sahman-bench-unused-config.json'), new DocumentList(db), new PersonList(db));
  const changes = Array.from({ length: DELTA_ENTRIES }, (_, index) => {
    const entry = generated(random, index);
    return { key: documentEntryId(entry), value: entry };
  });
  const from = reference.version('document-list');
  const started = performance.now();
  await reference.apply('document-list', from, from + 1, changes);
  return (performance.now() - started) / 1000;
}

export const suite: BenchSuite = {
  name: 'alerts',
  async run() {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sahman-bench-alerts-'));
    try {
      const store = await openStore({ dataDir, log: pino({ level: 'silent' }), integrityBudgetMs: 60_000 });
      const { db } = store;
      const list = new DocumentList(db);
      const random = seededRandom(97);
      const listedSamples: DocumentListEntry[] = [];
      const loadStarted = performance.now();
      for (let start = 0; start < DOCUMENTS; start += BATCH) {
        const batch = Array.from({ length: Math.min(BATCH, DOCUMENTS - start) }, (_, offset) => generated(random, start + offset));
        list.change(batch);
        for (let index = 0; index < batch.length; index += Math.ceil(DOCUMENTS / CHECKS)) {
          const entry = batch[index];
          if (entry !== undefined) listedSamples.push(entry);
        }
      }
      const loadSeconds = (performance.now() - loadStarted) / 1000;
      db.pragma('wal_checkpoint(TRUNCATE)');
      const bytes = statSync(path.join(dataDir, DATABASE_FILE_NAME)).size;
      const entries = list.count();

      const probe = seededRandom(5);
      const samples: number[] = [];
      let hits = 0;
      for (let check = 0; check < CHECKS; check += 1) {
        const listed = check % 2 === 0 ? listedSamples[Math.floor(probe() * listedSamples.length)] : undefined;
        const document = listed ?? generated(probe, check);
        const started = performance.now();
        const found = list.check(document.issuingState, document.documentType, document.number);
        samples.push(performance.now() - started);
        if (found.length > 0) hits += 1;
      }
      const deltaSeconds = await applyDelta(db, random);
      await store.close();
      const bytesPerEntry = bytes / entries;
      return {
        entries,
        loadSeconds: round(loadSeconds, 1),
        entriesPerSecond: Math.round(entries / loadSeconds),
        bytesPerEntry: round(bytesPerEntry, 1),
        delta100k: atMost(round(deltaSeconds, 2), 5, 's'),
        check: { checks: CHECKS, hits, p50Ms: round(median(samples), 4), p99: atMost(round(percentile(samples, 99), 4), 1, 'ms') },
        projectedToSltd: {
          entries: SLTD_SCALE,
          diskGB: round((bytesPerEntry * SLTD_SCALE) / 1e9, 2),
          // Random keys into a larger b-tree miss the page cache more often: the linear figure is a floor.
          loadMinutesAtLeast: round((loadSeconds * (SLTD_SCALE / entries)) / 60, 1),
        },
      };
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
