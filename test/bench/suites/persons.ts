/**
 * Person-check figures: 100,000 generated listed persons (test/bench/person-population.ts)
 * loaded through a person-list delta, as the downlink applies one (validated, written in one
 * transaction with its version, then indexed), and the p50/p99 of a check against them: half
 * travellers who are listed persons, half who are not.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { DocumentList } from '../../../main/core/alerts/document-list.js';
import { PersonList } from '../../../main/core/alerts/person-list.js';
import { VisaTable } from '../../../main/core/reference/visa-table.js';
import { openStore } from '../../../main/core/store/open-store.js';
import { SqliteReferenceStore } from '../../../main/core/sync/reference-store.js';
import { seededRandom } from '../../../drivers/simulator/seeded-random.js';
import { generatedPerson, randomTraveller, travellerFor } from '../person-population.js';
import { atMost, median, percentile, round, type BenchSuite } from '../suite.js';

const PERSONS = Number(process.env.SAHMAN_BENCH_PERSONS ?? 100_000);
const CHECKS = 4_000;

export const suite: BenchSuite = {
  name: 'persons',
  async run() {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sahman-bench-persons-'));
    try {
      const store = await openStore({ dataDir, log: pino({ level: 'silent' }), integrityBudgetMs: 60_000 });
      const { db } = store;
      const persons = new PersonList(db);
      const reference = new SqliteReferenceStore(db, new VisaTable(), path.join(dataDir, 'unused-config.json'), new DocumentList(db), persons);
      const random = seededRandom(41);
      const entries = Array.from({ length: PERSONS }, (_, index) => generatedPerson(random, index));
      const started = performance.now();
      reference.apply('person-list', 0, 1, entries.map((entry) => ({ key: entry.id, value: entry })));
      const deltaSeconds = (performance.now() - started) / 1000;

      const samples: number[] = [];
      let hits = 0;
      for (let check = 0; check < CHECKS; check += 1) {
        const listed = check % 2 === 0 ? entries[Math.floor(random() * entries.length)] : undefined;
        const traveller = listed === undefined ? randomTraveller(random) : travellerFor(listed);
        const at = performance.now();
        if (persons.check(traveller).length > 0) hits += 1;
        samples.push(performance.now() - at);
      }
      await store.close();
      return {
        persons: persons.count(),
        delta100k: atMost(round(deltaSeconds, 2), 5, 's'),
        check: { checks: CHECKS, hits, p50Ms: round(median(samples), 2), p99: atMost(round(percentile(samples, 99), 2), 20, 'ms') },
      };
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
