import { describe, expect, it } from 'vitest';
import { MrzTraveller, PersonListEntry } from '../../../main/common/contract/alert-lists.js';
import { namesRelated } from './confusable.js';
import { CONTROL_KINDS, PER_CONTROL_KIND } from './controls.js';
import { transliterate } from './cyrillic.js';
import { differingComponents, isDayMonthSwap, mayBeSamePerson } from './dates.js';
import { cutToMrz, foldIcao, foldPlain } from './fold.js';
import { generateVariantSet, PER_KIND } from './generate.js';

const set = generateVariantSet();

/** The traveller's date back to a full date, when the MRZ gives it whole. */
function fullDate(mrz: string): { year: number; month: number; day: number } | undefined {
  if (mrz.includes('<')) return undefined;
  const yy = Number(mrz.slice(0, 2));
  return { year: yy, month: Number(mrz.slice(2, 4)), day: Number(mrz.slice(4, 6)) };
}

describe('the person variant set', () => {
  it('folds names the Doc 9303 way, and plainly where asked', () => {
    expect(foldIcao('ÖZDEMİR')).toBe('OEZDEMIR');
    expect(foldIcao("D'AMICO")).toBe('DAMICO');
    expect(foldIcao('GROß')).toBe('GROSS');
    expect(foldIcao('Åberg-Sørensen')).toBe('AABERG SOERENSEN');
    expect(foldPlain('MÜLLER')).toBe('MULLER');
    expect(cutToMrz('ABDULRAHMAN', 'MOHAMMED ABDULLAH HUSSEIN IBRAHIM', 39)).toEqual({ surname: 'ABDULRAHMAN', givenNames: 'MOHAMMED ABDULLAH HUSSEIN' });
  });

  it('transliterates Cyrillic by each system’s table', () => {
    expect(transliterate('Юлия', 'icao')).toBe('IULIIA');
    expect(transliterate('Юлия', 'mvd2010')).toBe('YULIYA');
    expect(transliterate('Цветков', 'mvd2006')).toBe('TCVETKOV');
    expect(transliterate('Хрущёв', 'german')).toBe('CHRUSCHTSCHOW');
    expect(transliterate('Шевчук', 'french')).toBe('CHEVTCHOUK');
    expect(transliterate('Харитонов', 'gost779b')).toBe('XARITONOV');
    expect(transliterate('Евгений', 'bgn')).toBe('YEVGENIY');
  });

  it('is the same set for the same seed, and another for another seed', () => {
    const again = generateVariantSet();
    expect(again.entries).toEqual(set.entries);
    expect(again.variants).toEqual(set.variants);
    expect(again.controls).toEqual(set.controls);
    expect(generateVariantSet(7).entries).not.toEqual(set.entries);
  });

  it('lists at least 2,000 valid entries with unique ids, some with partial dates, aliases and patronymics', () => {
    expect(set.entries.length).toBeGreaterThanOrEqual(2000);
    for (const entry of set.entries) expect(PersonListEntry.safeParse(entry).success, entry.id).toBe(true);
    expect(new Set(set.entries.map((entry) => entry.id)).size).toBe(set.entries.length);
    expect(set.entries.filter((entry) => entry.birthDate?.length === 4).length).toBeGreaterThan(50);
    expect(set.entries.filter((entry) => entry.birthDate?.length === 7).length).toBeGreaterThan(50);
    expect(set.entries.filter((entry) => entry.aliases.length > 0).length).toBeGreaterThan(100);
    expect(set.entries.filter((entry) => /VICH|VNA/.test(entry.givenNames)).length).toBeGreaterThan(50);
    expect(new Set(set.entries.map((entry) => entry.action))).toEqual(new Set(['arrest', 'refer', 'inform']));
  });

  it('makes every traveller a valid MrzTraveller', () => {
    for (const { traveller, id } of [...set.variants, ...set.controls]) expect(MrzTraveller.safeParse(traveller).success, id).toBe(true);
  });

  it('has every true-variant kind at least PER_KIND times, each traveller naming a listed person', () => {
    const counts = new Map<string, number>();
    for (const variant of set.variants) counts.set(variant.kind, (counts.get(variant.kind) ?? 0) + 1);
    expect(counts.size).toBeGreaterThanOrEqual(40);
    for (const [, count] of counts) expect(count).toBeGreaterThanOrEqual(PER_KIND);
    const ids = new Set(set.entries.map((entry) => entry.id));
    for (const variant of set.variants) expect(ids.has(variant.expected)).toBe(true);
    expect(set.variants.filter((variant) => variant.kind === 'mrz-truncated').every((variant) => variant.traveller.surname.length + variant.traveller.givenNames.length + 2 <= 39)).toBe(true);
  });

  it('has at least 1,500 controls of every hard kind, none of them a possible match', () => {
    expect(set.controls.length).toBeGreaterThanOrEqual(1500);
    for (const kind of CONTROL_KINDS) expect(set.controls.filter((control) => control.kind === kind)).toHaveLength(PER_CONTROL_KIND);
    const byId = new Map(set.persons.map((person) => [person.entry.id, person]));
    for (const control of set.controls) {
      const from = byId.get(control.from);
      const date = fullDate(control.traveller.birthDate);
      expect(from).toBeDefined();
      expect(date).toBeDefined();
      if (from === undefined || date === undefined) continue;
      const listed = { ...from.date, year: from.date.year % 100 };
      if (control.kind === 'same-given-and-date-other-surname') {
        expect(differingComponents(listed, 'day', date)).toBe(0);
      } else {
        // Another date: two components or more away from the listed person's, and no day/month swap.
        expect(differingComponents(listed, 'day', date), control.id).toBeGreaterThanOrEqual(2);
        expect(isDayMonthSwap(listed, date), control.id).toBe(false);
      }
    }
  });

  it('gives each control another date than any listed person of a related name (checked over the whole list)', () => {
    const sample = set.controls.filter((_, i) => i % 17 === 0);
    const persons = set.persons.filter((person) => person.precision === 'day');
    for (const control of sample) {
      const date = fullDate(control.traveller.birthDate);
      if (date === undefined) continue;
      const related = persons.filter((person) => foldIcao(person.entry.surname) === control.traveller.surname && foldIcao(person.entry.givenNames) === control.traveller.givenNames);
      for (const person of related) expect(mayBeSamePerson({ ...person.date, year: person.date.year % 100 }, 'day', date), control.id).toBe(false);
    }
    const [first] = set.persons;
    if (first?.identities[0] !== undefined) expect(namesRelated(first.identities[0], first.identities[0])).toBe(true);
  });
});
