import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { MrzTraveller, PersonListEntry } from '../../../../../main/common/contract/alert-lists.js';
import { PersonMatcher } from '../../../../../main/core/alerts/persons/person-matcher.js';
import { generateVariantSet } from '../../../../rigs/person-variants/generate.js';

const ARTIFACT = fileURLToPath(new URL('../../../../.artifacts/person-matching-quality.json', import.meta.url));
const EXAMPLES = 20;

interface Tally {
  total: number;
  hits: number;
  examples: { id: string; traveller: MrzTraveller; listed?: Pick<PersonListEntry, 'id' | 'surname' | 'givenNames' | 'birthDate'>; matched: { id: string; score: number }[] }[];
}
const tally = (map: Map<string, Tally>, kind: string): Tally => {
  let found = map.get(kind);
  if (found === undefined) {
    found = { total: 0, hits: 0, examples: [] };
    map.set(kind, found);
  }
  return found;
};
type Example = Tally['examples'][number];
function example(id: string, traveller: MrzTraveller, listed: PersonListEntry | undefined, hits: readonly { entry: PersonListEntry; score: number }[]): Example {
  return {
    id,
    traveller,
    ...(listed === undefined ? {} : { listed: { id: listed.id, surname: listed.surname, givenNames: listed.givenNames, birthDate: listed.birthDate ?? null } }),
    matched: hits.map((hit) => ({ id: hit.entry.id, score: hit.score })),
  };
}
const pct = (n: number, d: number): string => (d === 0 ? '-' : `${((100 * n) / d).toFixed(2)}%`);

describe('person matching quality over the generated variant set (issue 15)', () => {
  it('finds ≥ 99% of the true variants and raises ≤ 0.1% false alarms over the hard controls', () => {
    const started = Date.now();
    const set = generateVariantSet();
    const generatedIn = Date.now() - started;
    const matcher = new PersonMatcher(set.entries);
    const byId = new Map(set.entries.map((entry) => [entry.id, entry]));

    const recall = new Map<string, Tally>();
    const combinedParts = new Map<string, Tally>();
    for (const variant of set.variants) {
      const hits = matcher.match(variant.traveller);
      const found = hits.some((hit) => hit.entry.id === variant.expected);
      const counted = [tally(recall, variant.kind), ...(variant.kind === 'combined' ? variant.components.map((component) => tally(combinedParts, component)) : [])];
      for (const t of counted) {
        t.total += 1;
        if (found) t.hits += 1;
        else if (t.examples.length < EXAMPLES) t.examples.push(example(variant.id, variant.traveller, byId.get(variant.expected), hits));
      }
    }
    const alarms = new Map<string, Tally>();
    for (const control of set.controls) {
      const hits = matcher.match(control.traveller);
      const t = tally(alarms, control.kind);
      t.total += 1;
      if (hits.length > 0) {
        t.hits += 1;
        if (t.examples.length < EXAMPLES) t.examples.push(example(control.id, control.traveller, byId.get(control.from), hits));
      }
    }
    const elapsed = Date.now() - started;

    const found = [...recall.values()].reduce((n, t) => n + t.hits, 0);
    const falseAlarms = [...alarms.values()].reduce((n, t) => n + t.hits, 0);
    const overallRecall = found / set.variants.length;
    const falseAlarmRate = falseAlarms / set.controls.length;

    const rows = [
      ...[...recall].map(([kind, t]) => ({ set: 'true variant', kind, total: t.total, found: t.hits, rate: pct(t.hits, t.total) })),
      ...[...combinedParts].map(([kind, t]) => ({ set: 'combined', kind: `combined, with ${kind}`, total: t.total, found: t.hits, rate: pct(t.hits, t.total) })),
      ...[...alarms].map(([kind, t]) => ({ set: 'control', kind, total: t.total, found: t.hits, rate: pct(t.hits, t.total) })),
    ];
    console.log(
      [
        `person matching quality: ${set.entries.length} listed persons, ${set.variants.length} true variants, ${set.controls.length} controls (seed ${set.seed}, generated in ${generatedIn} ms, all in ${elapsed} ms)`,
        ...rows.map((row) => `${row.set.padEnd(13)} ${row.kind.padEnd(52)} ${String(row.found).padStart(5)} / ${String(row.total).padEnd(5)} ${row.set === 'control' ? 'false alarms' : 'found'} ${row.rate}`),
        `overall recall ${pct(found, set.variants.length)} (target ≥ 99%); false alarms ${falseAlarms} of ${set.controls.length} = ${pct(falseAlarms, set.controls.length)} (target ≤ 0.1%)`,
      ].join('\n'),
    );
    mkdirSync(path.dirname(ARTIFACT), { recursive: true });
    writeFileSync(
      ARTIFACT,
      `${JSON.stringify(
        {
          seed: set.seed,
          listedPersons: set.entries.length,
          trueVariants: set.variants.length,
          controls: set.controls.length,
          overallRecall,
          falseAlarmRate,
          falseAlarms,
          elapsedMs: elapsed,
          recallByKind: Object.fromEntries([...recall].map(([kind, t]) => [kind, { total: t.total, found: t.hits, recall: t.hits / t.total, misses: t.examples }])),
          combinedByKinds: Object.fromEntries([...combinedParts].map(([kind, t]) => [kind, { total: t.total, found: t.hits, recall: t.hits / t.total }])),
          falseAlarmsByKind: Object.fromEntries([...alarms].map(([kind, t]) => [kind, { total: t.total, falseAlarms: t.hits, rate: t.hits / t.total, examples: t.examples }])),
        },
        null,
        2,
      )}\n`,
    );

    expect(overallRecall).toBeGreaterThanOrEqual(0.99);
    expect(falseAlarmRate).toBeLessThanOrEqual(0.001);
  }, 120_000);
});
