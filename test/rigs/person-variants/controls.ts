import type { MrzTraveller } from '../../../main/common/contract/alert-lists.js';
import { confusableWithAny, namesRelated } from './confusable.js';
import { type BirthDate, mayBeSamePerson, mrzDate, unrelatedDate } from './dates.js';
import type { Culture, Identity, NamePart } from './identity.js';
import type { Rng } from './prng.js';
import { asTraveller, everywhere, written } from './render.js';
import { CULTURE_BY_ID } from './cultures.js';
import type { Control, ListedPerson } from './generate.js';

export const CONTROL_KINDS = ['same-surname-other-given-other-date', 'same-given-and-date-other-surname', 'common-name-other-date', 'family-member', 'near-name-distant-date'] as const;
export type ControlKind = (typeof CONTROL_KINDS)[number];
export const PER_CONTROL_KIND = 340;

const givenAndPatronymic = (identity: Identity): NamePart[] => (identity.patronymic === null ? [...identity.given] : [...identity.given, identity.patronymic]);

/** Another pool name that is no spelling of any of `avoid`. */
function otherPart(draw: () => NamePart, avoid: readonly NamePart[]): NamePart | undefined {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const part = draw();
    if (!confusableWithAny(part, avoid)) return part;
  }
  return undefined;
}

/** Whether a matcher honouring the issue could take the control for some listed person (then it is no control). */
export function collides(persons: readonly ListedPerson[], identity: Identity, date: BirthDate): boolean {
  return persons.some((person) => mayBeSamePerson(person.date, person.precision, date) && person.identities.some((listed) => namesRelated(identity, listed)));
}

interface Draft {
  readonly identity: Identity;
  readonly date: BirthDate;
  /** The written forms to use (a near-name uses another system or spelling). */
  readonly system?: string;
}

function draft(rng: Rng, kind: ControlKind, person: ListedPerson, culture: Culture, commons: readonly Identity[]): Draft | undefined {
  const [identity] = person.identities;
  if (identity === undefined || person.precision !== 'day') return undefined;
  const sex = identity.sex;
  switch (kind) {
    case 'same-surname-other-given-other-date': {
      const given = otherPart(() => culture.given(rng, sex), givenAndPatronymic(identity));
      return given === undefined ? undefined : { identity: { ...identity, given: [given], patronymic: null }, date: unrelatedDate(rng, person.date) };
    }
    case 'same-given-and-date-other-surname': {
      const surname = otherPart(() => culture.surname(rng, sex), [identity.surname, ...givenAndPatronymic(identity)]);
      return surname === undefined ? undefined : { identity: { ...identity, surname }, date: person.date };
    }
    case 'common-name-other-date':
      return { identity: rng.pick(commons), date: unrelatedDate(rng, person.date, [1, 40]) };
    case 'family-member': {
      // A sibling (same father, so the same patronymic), a parent or a child of the same sex, under the same surname.
      const given = otherPart(() => culture.given(rng, sex), givenAndPatronymic(identity));
      if (given === undefined) return undefined;
      const sibling = rng.chance(0.5);
      return { identity: { ...identity, given: [given], patronymic: sibling ? identity.patronymic : null }, date: unrelatedDate(rng, person.date, sibling ? [1, 12] : [20, 35]) };
    }
    case 'near-name-distant-date': {
      const systems = Object.keys(identity.surname.forms).filter((system) => !/cyrillic|armenian|kazakh$/.test(system));
      return { identity, date: unrelatedDate(rng, person.date, [3, 30]), system: rng.pick(systems) };
    }
  }
}

/** The hard controls: none may match any listed person. */
export function makeControls(rng: Rng, persons: readonly ListedPerson[], commons: readonly Identity[]): Control[] {
  const controls: Control[] = [];
  for (const kind of CONTROL_KINDS) {
    let made = 0;
    for (let attempt = 0; made < PER_CONTROL_KIND && attempt < PER_CONTROL_KIND * 40; attempt += 1) {
      const person = rng.pick(persons);
      const culture = CULTURE_BY_ID[person.identities[0]?.culture ?? 'slavic'];
      const candidate = draft(rng, kind, person, culture, commons);
      if (candidate === undefined || collides(persons, candidate.identity, candidate.date)) continue;
      const own = CULTURE_BY_ID[candidate.identity.culture];
      const name = written(candidate.identity, everywhere(candidate.system ?? own.passport), own.passport);
      const nationality = own === culture ? (person.entry.nationality ?? rng.pick(own.nationalities)) : rng.pick(own.nationalities);
      const traveller: MrzTraveller = asTraveller(name, mrzDate(candidate.date), nationality, candidate.identity.sex);
      if (traveller.surname.length + traveller.givenNames.length + 2 > 45) continue;
      controls.push({ id: `ct-${String(controls.length + 1).padStart(5, '0')}`, kind, from: person.entry.id, traveller });
      made += 1;
    }
  }
  return controls;
}
