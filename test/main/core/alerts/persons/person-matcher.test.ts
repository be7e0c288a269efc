/**
 * The person matcher as a guard meets it: a listed person is found however
 * the traveller's passport writes the name, two people who only share a
 * common name are not confused, and a hit says why.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PersonListEntry } from '../../../../../main/common/contract/alert-lists.js';
import { DEFAULT_PERSON_THRESHOLD, PersonMatcher, preparePerson } from '../../../../../main/core/alerts/persons/person-matcher.js';
import { listed, nameGenerator, traveller } from '../../../../rigs/persons.js';

const PETRENKO = listed({ id: 'uto-0001', surname: 'Петренко', givenNames: 'Роман Анатольевич', birthDate: '1981-04-12', sex: 'M', nationality: 'UTO' });
const TER_MINASYAN = listed({ id: 'uto-0002', surname: 'TER-MINASYAN', givenNames: 'ARAM', birthDate: '1975-02-03' });
const ZHANG = listed({ id: 'uto-0003', surname: 'ZHANG', givenNames: 'XIAO MING', birthDate: '1990' });
const MACALLISTER = listed({ id: 'uto-0004', surname: 'MACALLISTER', givenNames: 'EWAN', birthDate: '1966-07-30' });
const ERIKSSON = listed({ id: 'uto-0005', surname: 'ERIKSSON', givenNames: 'ANNA MARIA', birthDate: '1974-08-12', aliases: [{ surname: 'BLOMQVIST', givenNames: 'ANNA' }] });
const LONG_NAME = listed({ id: 'uto-0006', surname: 'VANDERWOUDENBERGHE-OOSTERHUIZEN', givenNames: 'ALEXANDRA MARIA', birthDate: '1988-08-18' });
const HOVHANNISYAN = listed({ id: 'uto-0007', surname: 'Հովհաննիսյան', givenNames: 'Արամ', birthDate: '1979-09-09', category: 'red-notice', action: 'arrest' });

function matcher(...entries: PersonListEntry[]): PersonMatcher {
  return new PersonMatcher(entries, { thresholds: { 'red-notice': 0.9 } });
}

/** The names as a TD3 MRZ writes them: SURNAME<<GIVEN<NAMES, cut at 39 characters, read back as the reader gives them. */
function td3Names(surname: string, givenNames: string): { surname: string; givenNames: string } {
  const field = `${surname.replace(/ /g, '<')}<<${givenNames.replace(/ /g, '<')}`.slice(0, 39);
  const [mrzSurname = '', mrzGiven = ''] = field.split('<<');
  const read = (part: string): string => part.replace(/<+/g, ' ').trim();
  return { surname: read(mrzSurname), givenNames: read(mrzGiven) };
}

function ids(hits: readonly { readonly entry: PersonListEntry }[]): string[] {
  return hits.map((hit) => hit.entry.id);
}

describe('matching a traveller against listed persons', () => {
  const people = matcher(PETRENKO, TER_MINASYAN, ZHANG, MACALLISTER, ERIKSSON, LONG_NAME, HOVHANNISYAN);

  it('finds the same name, exact, with the date agreement', () => {
    const [hit, ...others] = people.match(traveller({ surname: 'PETRENKO', givenNames: 'ROMAN ANATOLEVICH', birthDate: '810412', sex: 'M', nationality: 'UTO' }));
    expect(others).toEqual([]);
    expect(hit).toMatchObject({ entry: PETRENKO, score: 1, explanation: { name: 'primary', swapped: false, birthDate: 'exact', differs: [] } });
  });

  it('finds a listed person whose patronymic the passport leaves out', () => {
    const [hit] = people.match(traveller({ surname: 'PETRENKO', givenNames: 'ROMAN', birthDate: '810412' }));
    expect(hit?.entry).toBe(PETRENKO);
    expect(hit?.score).toBeGreaterThan(0.95);
  });

  it('finds a surname and given name written the other way round, and says they were swapped', () => {
    const [hit] = people.match(traveller({ surname: 'ROMAN', givenNames: 'PETRENKO', birthDate: '810412' }));
    expect(hit?.entry).toBe(PETRENKO);
    expect(hit?.explanation.swapped).toBe(true);
    expect(hit?.explanation.summary).toContain('surname and given names swapped');
  });

  it.each([
    ['TERMINASYAN', 'ARAM'],
    ['TER MINASYAN', 'ARAM'],
  ])('finds TER-MINASYAN written %s', (surname, givenNames) => {
    expect(ids(people.match(traveller({ surname, givenNames, birthDate: '750203' })))).toEqual([TER_MINASYAN.id]);
  });

  it.each([
    ['ZHANG', 'XIAOMING'],
    ['ZHANG', 'XIAO MING'],
    ['CHANG', 'HSIAO MING'],
    ['CHANG', 'HSIAOMING'],
    ['CHEUNG', 'SIU MING'],
  ])('finds ZHANG XIAO MING written %s %s', (surname, givenNames) => {
    const [hit] = people.match(traveller({ surname, givenNames, birthDate: '900101' }));
    expect(hit?.entry).toBe(ZHANG);
    expect(hit?.explanation.birthDate).toBe('partial');
  });

  it('finds a Pinyin name in its Wade-Giles spelling even when no word shares a consonant key', () => {
    // XU XIA in Pinyin is HSU HSIA in a Taiwan passport: the blocking keys of the sounds share nothing.
    const xu = listed({ id: 'uto-0008', surname: 'XU', givenNames: 'XIA', birthDate: '1992-05-06' });
    expect(ids(matcher(xu).match(traveller({ surname: 'HSU', givenNames: 'HSIA', birthDate: '920506' })))).toEqual([xu.id]);
  });

  it('finds MAC written MC', () => {
    expect(ids(people.match(traveller({ surname: 'MCALLISTER', givenNames: 'EWAN', birthDate: '660730' })))).toEqual([MACALLISTER.id]);
  });

  it('finds a name the TD3 MRZ cut at 39 characters, and says it was cut', () => {
    const names = td3Names('VANDERWOUDENBERGHE OOSTERHUIZEN', 'ALEXANDRA MARIA');
    expect(names).toEqual({ surname: 'VANDERWOUDENBERGHE OOSTERHUIZEN', givenNames: 'ALEXAN' });
    const [hit] = people.match(traveller({ ...names, birthDate: '880818' }));
    expect(hit?.entry).toBe(LONG_NAME);
    expect(hit?.explanation.parts).toContainEqual(expect.objectContaining({ presented: 'ALEXAN', how: 'truncated' }));
    expect(hit?.explanation.summary).toContain('cut short in the MRZ');
  });

  it('finds a listed person whose given names the MRZ had no room for at all', () => {
    const long = listed({ id: 'uto-0009', surname: 'KARAPETYAN-TER-HOVHANNISYAN-MELIKSETYAN', givenNames: 'ARAM', birthDate: '1985-03-03' });
    const names = td3Names('KARAPETYAN TER HOVHANNISYAN MELIKSETYAN', 'ARAM');
    expect(names.givenNames).toBe('');
    expect(ids(matcher(long).match(traveller({ ...names, birthDate: '850303' })))).toEqual([long.id]);
    // A given name that is there must still agree.
    expect(matcher(long).match(traveller({ ...names, givenNames: 'ARMEN', birthDate: '850303' }))).toEqual([]);
  });

  it('finds a listed person by an alias, and says which', () => {
    const [hit] = people.match(traveller({ surname: 'BLOMQVIST', givenNames: 'ANNA', birthDate: '740812', sex: 'F', nationality: 'UTO' }));
    expect(hit?.entry).toBe(ERIKSSON);
    expect(hit?.explanation.name).toBe(1);
    expect(hit?.explanation.summary.startsWith('alias 1; ')).toBe(true);
  });

  it('finds an Armenian name in its Russian spelling, and explains each part and the date', () => {
    const [hit] = people.match(traveller({ surname: 'OGANESYAN', givenNames: 'ARAM', birthDate: '790909' }));
    expect(hit?.entry).toBe(HOVHANNISYAN);
    expect(hit?.explanation.parts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ listed: 'HOVHANNISYAN', presented: 'OGANESYAN', how: 'transliteration' }),
        { listed: 'ARAM', presented: 'ARAM', how: 'exact', similarity: 1 },
      ]),
    );
    expect(hit?.explanation.birthDate).toBe('exact');
    expect(hit?.explanation.summary).toContain('HOVHANNISYAN~OGANESYAN (transliteration)');
    expect(hit?.explanation.summary).toContain('ARAM=ARAM (exact)');
    expect(hit?.explanation.summary).toContain('birth date exact');
  });

  it('still finds a listed person whose sex or nationality differ, at a lower score, and says what differs', () => {
    const base = people.match(traveller({ surname: 'PETRENKO', givenNames: 'ROMAN', birthDate: '810412', sex: 'M', nationality: 'UTO' }))[0]?.score ?? 0;
    fc.assert(
      fc.property(fc.constantFrom('M', 'F', 'X', '<', '' as const), fc.constantFrom('UTO', 'D', 'ARM', '', '<<<'), (sex, nationality) => {
        const [hit] = people.match(traveller({ surname: 'PETRENKO', givenNames: 'ROMAN', birthDate: '810412', sex, nationality }));
        expect(hit?.entry).toBe(PETRENKO);
        const differs = [...(sex === 'F' ? ['sex'] : []), ...(['D', 'ARM'].includes(nationality) ? ['nationality'] : [])];
        expect(hit?.explanation.differs).toEqual(differs);
        if (differs.length === 0) expect(hit?.score).toBe(base);
        else expect(hit?.score).toBeLessThan(base);
      }),
    );
  });

  it('does not confuse two people with the same common name born on unrelated dates', () => {
    const first = listed({ id: 'uto-0010', surname: 'IVANOV', givenNames: 'IVAN', birthDate: '1980-05-05' });
    const second = listed({ id: 'uto-0011', surname: 'IVANOV', givenNames: 'IVAN', birthDate: '1962-11-23' });
    const twins = matcher(first, second);
    expect(ids(twins.match(traveller({ surname: 'IVANOV', givenNames: 'IVAN', birthDate: '800505' })))).toEqual([first.id]);
    expect(ids(twins.match(traveller({ surname: 'IVANOV', givenNames: 'IVAN', birthDate: '931122' })))).toEqual([]);
  });

  it('finds nobody for a different name with a listed person’s date', () => {
    expect(people.match(traveller({ surname: 'SARGSYAN', givenNames: 'ROMAN', birthDate: '810412' }))).toEqual([]);
    expect(people.match(traveller({ surname: 'PETRENKO', givenNames: 'OLEKSANDR', birthDate: '810412' }))).toEqual([]);
  });

  // Known limitation, kept visible: the sound comparison scores WANG/HUANG (and ZHANG/ZHENG) as one name in two
  // systems (V~U and an optional H are cheap steps), although in Pinyin they are two surnames (王, 黄). When fixed,
  // turn this into an ordinary test.
  it('keeps WANG and HUANG, two Pinyin surnames, apart', () => {
    const wang = listed({ id: 'uto-0012', surname: 'WANG', givenNames: 'WEI', birthDate: '1985-03-03' });
    expect(matcher(wang).match(traveller({ surname: 'HUANG', givenNames: 'WEI', birthDate: '850303' }))).toEqual([]);
    const zhang = listed({ id: 'uto-0013', surname: 'ZHANG', givenNames: 'WEI', birthDate: '1985-03-03' });
    expect(matcher(zhang).match(traveller({ surname: 'ZHENG', givenNames: 'WEI', birthDate: '850303' }))).toEqual([]);
    // One syllable in two romanisations is still one name.
    expect(ids(matcher(zhang).match(traveller({ surname: 'CHANG', givenNames: 'WEI', birthDate: '850303' })))).toEqual(['uto-0013']);
    const li = listed({ id: 'uto-0014', surname: 'LI', givenNames: 'NA', birthDate: '1990-01-02' });
    expect(ids(matcher(li).match(traveller({ surname: 'LEE', givenNames: 'NA', birthDate: '900102' })))).toEqual(['uto-0014']);
  });

  it('honours the category’s threshold, and one given for the check', () => {
    const oganesyan = traveller({ surname: 'OGANESYAN', givenNames: 'ARAM', birthDate: '790909' });
    const score = people.match(oganesyan)[0]?.score ?? 0;
    expect(score).toBeGreaterThanOrEqual(0.9);
    expect(people.thresholdOf('red-notice')).toBe(0.9);
    expect(people.thresholdOf('national-warrant')).toBe(DEFAULT_PERSON_THRESHOLD);
    const strict = new PersonMatcher([HOVHANNISYAN], { thresholds: { 'red-notice': score + 0.01 } });
    expect(strict.match(oganesyan)).toEqual([]);
    expect(ids(strict.match(oganesyan, score))).toEqual([HOVHANNISYAN.id]);
    expect(strict.match(traveller({ surname: 'HOVHANNISYAN', givenNames: 'ARAM', birthDate: '790909' }))).toHaveLength(1);
  });

  it('forgets a removed entry, and replaces one added again under its id', () => {
    const list = matcher(PETRENKO, TER_MINASYAN);
    const petrenko = traveller({ surname: 'PETRENKO', givenNames: 'ROMAN', birthDate: '810412' });
    list.remove(PETRENKO.id);
    list.remove('not-listed');
    expect(list.size).toBe(1);
    expect(list.match(petrenko)).toEqual([]);
    list.add({ ...TER_MINASYAN, surname: 'PETRENKO', givenNames: 'ROMAN', birthDate: '1981-04-12' });
    expect(list.size).toBe(1);
    expect(ids(list.match(petrenko))).toEqual([TER_MINASYAN.id]);
    expect(list.match(traveller({ surname: 'TERMINASYAN', givenNames: 'ARAM', birthDate: '750203' }))).toEqual([]);
  });
});

describe('the hits of a check', () => {
  const names = nameGenerator(11);
  const variants = Array.from({ length: 40 }, (_, index) =>
    listed({ id: `gen-${String(index).padStart(3, '0')}`, surname: `${names.word(2)}YAN`, givenNames: names.word(2), birthDate: index % 2 === 0 ? '1979' : '1979-09-09', category: index % 3 === 0 ? 'red-notice' : 'national-warrant' }),
  );
  const people = matcher(...variants);

  it('are best first and each at or above its threshold, whatever the name', () => {
    const candidate = fc.record({ surname: fc.constantFrom(...variants.map((entry) => entry.surname)), givenNames: fc.constantFrom(...variants.map((entry) => entry.givenNames)) });
    fc.assert(
      fc.property(candidate, fc.constantFrom('790909', '7909<<', '<<<<<<', '790910'), ({ surname, givenNames }, birthDate) => {
        const hits = people.match(traveller({ surname, givenNames, birthDate }));
        for (const [index, hit] of hits.entries()) {
          expect(hit.score).toBeGreaterThanOrEqual(people.thresholdOf(hit.entry.category));
          expect(hit.score).toBeLessThanOrEqual(1);
          if (index > 0) expect(hit.score).toBeLessThanOrEqual(hits[index - 1]?.score ?? 1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on any traveller the MRZ reader can give', () => {
    const letters = fc.stringMatching(/^[A-Z ]{0,40}$/);
    fc.assert(
      fc.property(letters, letters, fc.stringMatching(/^[0-9<]{6}$/), (surname, givenNames, birthDate) => {
        fc.pre(surname.trim() !== '' || givenNames.trim() !== '');
        expect(() => people.match(traveller({ surname, givenNames, birthDate }))).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

describe('a large list', () => {
  it('finds the planted entry among 20,000 with a check well under 50 ms', () => {
    const names = nameGenerator(7);
    const entries = Array.from({ length: 20_000 }, (_, index) =>
      listed({ id: `gen-${String(index)}`, surname: names.word(3), givenNames: names.word(2), birthDate: `19${String(50 + names.below(50))}-0${String(1 + names.below(9))}-1${String(names.below(9))}` }),
    );
    const planted = listed({ id: 'planted', surname: 'QUORVANTIS', givenNames: 'ELWIN', birthDate: '1977-11-23', nationality: 'UTO' });
    const large = new PersonMatcher([...entries, planted]);
    const timings: number[] = [];
    for (let round = 0; round < 12; round += 1) {
      const started = performance.now();
      const hits = large.match(traveller({ surname: round % 2 === 0 ? 'QUORVANTIS' : 'KVORVANTIS', givenNames: 'ELWIN', birthDate: '771123', nationality: 'UTO' }));
      timings.push(performance.now() - started);
      expect(ids(hits)).toEqual(['planted']);
    }
    // A sanity check on the blocking index, not a benchmark: the median, so that one pause of a busy machine does not count.
    const median = [...timings].sort((a, b) => a - b)[timings.length / 2] ?? Infinity;
    expect(median).toBeLessThan(50);
  }, 30_000);
});

describe('a list that changes', () => {
  it('after most of a large list is removed and the rest replaced, finds only what is listed now', () => {
    const entries = Array.from({ length: 3_000 }, (_, index) => listed({ id: `p-${String(index)}`, surname: 'HOVHANNISYAN', givenNames: 'ARMEN', birthDate: '1974-08-12' }));
    const people = new PersonMatcher(entries);
    // Removing 2,900 leaves more holes than people: the index is rebuilt on the way.
    for (let index = 0; index < 2_900; index += 1) people.remove(`p-${String(index)}`);
    people.add(listed({ id: 'p-2999', surname: 'HOVHANNISYAN', givenNames: 'ARMEN', birthDate: '1960-01-01' }));
    expect(people.size).toBe(100);
    const hits = ids(people.match(traveller({ surname: 'OGANESYAN', givenNames: 'ARMEN', birthDate: '740812' })));
    expect(hits).toHaveLength(20);
    expect(hits.every((id) => Number(id.slice(2)) >= 2_900 && id !== 'p-2999')).toBe(true);
    expect(ids(people.match(traveller({ surname: 'HOVHANNISYAN', givenNames: 'ARMEN', birthDate: '600101' })))).toEqual(['p-2999']);
  });
});

describe('a change staged a part at a time', () => {
  const AT_PETRENKO = traveller({ surname: 'PETRENKO', givenNames: 'ROMAN', birthDate: '810412', sex: 'M', nationality: 'UTO' });
  const AT_MACALLISTER = traveller({ surname: 'MCALLISTER', givenNames: 'EWAN', birthDate: '660730' });

  it('is passed by until it is committed, then in force all at once', () => {
    const people = matcher(PETRENKO);
    people.stage([preparePerson(MACALLISTER), preparePerson({ ...PETRENKO, action: 'inform' })]);
    people.stage([], [PETRENKO.id]);
    expect(ids(people.match(AT_MACALLISTER))).toEqual([]);
    expect(people.match(AT_PETRENKO).map((hit) => hit.entry.action)).toEqual([PETRENKO.action]);
    people.commitStaged();
    expect(ids(people.match(AT_MACALLISTER))).toEqual([MACALLISTER.id]);
    // Removed and given again in one change: given again wins, as in the stored rows.
    expect(people.match(AT_PETRENKO).map((hit) => hit.entry.action)).toEqual(['inform']);
    expect(people.size).toBe(2);
  });

  it('takes no other change until it is settled, then knows the persons it brought by id', async () => {
    const people = matcher(PETRENKO);
    people.stage([preparePerson(MACALLISTER)], [PETRENKO.id]);
    people.commitStaged();
    expect(() => people.remove(MACALLISTER.id)).toThrow('still settling');
    await people.settle(() => Promise.resolve());
    people.remove(MACALLISTER.id);
    expect(ids(people.match(AT_MACALLISTER))).toEqual([]);
    expect(ids(people.match(AT_PETRENKO))).toEqual([]);
    expect(people.size).toBe(0);
  });

  it('leaves the list as it was when discarded', () => {
    const people = matcher(PETRENKO);
    people.stage([preparePerson(MACALLISTER)], [PETRENKO.id]);
    people.discardStaged();
    people.commitStaged();
    expect(ids(people.match(AT_MACALLISTER))).toEqual([]);
    expect(ids(people.match(AT_PETRENKO))).toEqual([PETRENKO.id]);
    expect(people.size).toBe(1);
  });
});

describe('a listed surname that is a particle alone', () => {
  it('must be found like any surname: AL IVAN is not every traveller called something like IVAN', () => {
    const people = matcher(listed({ id: 'al', surname: 'AL', givenNames: 'IVAN', birthDate: '1950-01-01' }));
    expect(people.match(traveller({ surname: 'QUORVANTIS', givenNames: 'ELWIN', birthDate: '500101' }))).toEqual([]);
    expect(ids(people.match(traveller({ surname: 'AL', givenNames: 'IVAN', birthDate: '500101' })))).toEqual(['al']);
  });
});

describe('compacting after a large change', () => {
  it('gives the same answers over a fresh index, and answers from the old one until it is done', async () => {
    const entries = Array.from({ length: 3_000 }, (_, index) => listed({ id: `p-${String(index)}`, surname: 'HOVHANNISYAN', givenNames: 'ARAM', birthDate: `19${String(40 + (index % 60))}-01-01` }));
    const people = new PersonMatcher(entries);
    // Two deltas that each replace every entry leave twice as many holes as persons.
    people.stage(entries.map((entry) => preparePerson({ ...entry, action: 'refer' })));
    people.commitStaged();
    await people.settle(() => Promise.resolve());
    people.stage(entries.map((entry) => preparePerson({ ...entry, action: 'inform' })));
    people.commitStaged();
    expect(people.holey).toBe(true);
    const at = traveller({ surname: 'OGANESYAN', givenNames: 'ARAM', birthDate: '450101' });
    const before = people.match(at);
    let turns = 0;
    await people.settle(() => {
      turns += 1;
      // Between turns the lane still checks, against the index it had.
      expect(people.match(at)).toEqual(before);
      return Promise.resolve();
    });
    expect(turns).toBeGreaterThan(1);
    expect(people.holey).toBe(false);
    expect(people.match(at)).toEqual(before);
    expect(before.map((hit) => hit.entry.action)).toEqual(before.map(() => 'inform'));
    expect(people.size).toBe(3_000);
  });
});
