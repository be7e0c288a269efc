import { PersonMatcher } from '/work/main/main/core/alerts/persons/person-matcher.js';
import { seededRandom } from '/work/main/drivers/simulator/seeded-random.js';
import { generatedPerson } from '/work/main/test/bench/person-population.js';
const random = seededRandom(41);
const entries = Array.from({ length: 100000 }, (_, i) => generatedPerson(random, i));
const m = new PersonMatcher(entries);
for (let i = 0; i < 20; i++) {
  const h = m.match({ surname: `QUORVANTIS${'ABCDEFGHIJ'.charAt(i % 10)}`, givenNames: 'ELWIN', birthDate: `${String(50 + (i % 50))}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`, nationality: 'UTO', sex: 'F' });
  if (h.length) console.log(i, h.map(x => [x.entry.surname, x.entry.givenNames, x.score, JSON.stringify(x.explanation.parts)]));
}
