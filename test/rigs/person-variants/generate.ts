import type { MrzTraveller, PersonAction, PersonListEntry } from '../../../main/common/contract/alert-lists.js';
import { arabicNamed } from './arabic-chinese.js';
import { armenianGivenNamed, armenianSurnameNamed } from './armenian.js';
import { CULTURE_BY_ID } from './cultures.js';
import { type ControlKind, makeControls } from './controls.js';
import { type BirthDate, listDate, mrzDate, type Precision, randomDate } from './dates.js';
import { mrzFieldLength, TD3_NAME_LENGTH } from './fold.js';
import type { Culture, Identity, Sex } from './identity.js';
import { COMBINABLE_DATE_KINDS, COMBINABLE_NAME_KINDS, DATE_VARIANT_KINDS, type DateOutcome, type KindContext, type KindSpec, NAME_KINDS } from './kinds.js';
import { seededRng, type Rng } from './prng.js';
import { asTraveller, everywhere, written, type WrittenName } from './render.js';
import { slavicGivenNamed, slavicSurname } from './slavic.js';
import { westernGiven, westernPool, westernSurname, WESTERN_NATIONALITIES } from './western.js';

export const DEFAULT_SEED = 0x15_5a_4d_4e;

/** A listed person as the generator knows them: the entry, and the identities behind its names. */
export interface ListedPerson {
  readonly entry: PersonListEntry;
  readonly identities: readonly Identity[];
  readonly date: BirthDate;
  readonly precision: Precision;
}
export interface TrueVariant {
  readonly id: string;
  readonly kind: string;
  /** For `combined`: the kinds combined. */
  readonly components: readonly string[];
  readonly expected: string;
  readonly traveller: MrzTraveller;
}
export interface Control {
  readonly id: string;
  readonly kind: ControlKind;
  /** The listed person the control was made from. */
  readonly from: string;
  readonly traveller: MrzTraveller;
}
export interface VariantSet {
  readonly seed: number;
  readonly persons: readonly ListedPerson[];
  readonly entries: readonly PersonListEntry[];
  readonly variants: readonly TrueVariant[];
  readonly controls: readonly Control[];
}

export const PER_KIND = 55;
export const COMBINED = 300;
export const PER_COMMON_NAME = 12;
const CATEGORIES: readonly (readonly [string, PersonAction])[] = [
  ['red-notice', 'arrest'], ['national-warrant', 'arrest'], ['european-arrest-warrant', 'arrest'], ['entry-ban', 'refer'], ['missing-person', 'refer'], ['watch', 'inform'],
];

/** The common names the controls reuse exactly, with other dates. */
export function commonNames(): readonly Identity[] {
  return [
    { culture: 'slavic', sex: 'M', surname: slavicSurname('Иванов', 'M'), given: [slavicGivenNamed('Иван')], patronymic: null },
    { culture: 'slavic', sex: 'M', surname: slavicSurname('Смирнов', 'M'), given: [slavicGivenNamed('Сергей')], patronymic: null },
    { culture: 'armenian', sex: 'M', surname: armenianSurnameNamed('Խաչատրյան'), given: [armenianGivenNamed('Արմեն')], patronymic: null },
    { culture: 'arabic', sex: 'M', surname: arabicNamed('s', 'ALI'), given: [arabicNamed('g', 'MOHAMMED')], patronymic: null },
    { culture: 'arabic', sex: 'M', surname: arabicNamed('s', 'MOHAMMED'), given: [arabicNamed('g', 'AHMED')], patronymic: null },
  ];
}

export function makeIdentity(rng: Rng, culture: Culture, sex: Sex): Identity {
  if (culture.id === 'western') {
    const pool = westernPool(rng.pick(WESTERN_NATIONALITIES));
    return { culture: 'western', sex, surname: westernSurname(pool, rng), given: rng.chance(0.25) ? [westernGiven(pool, rng, sex), westernGiven(pool, rng, sex)] : [westernGiven(pool, rng, sex)], patronymic: null };
  }
  const patronymic = culture.patronymic !== undefined && rng.chance(culture.id === 'slavic' ? 0.5 : 0.3) ? culture.patronymic(rng, sex) : null;
  return { culture: culture.id, sex, surname: culture.surname(rng, sex), given: [culture.given(rng, sex)], patronymic };
}

interface Built {
  readonly person: ListedPerson;
  readonly traveller: MrzTraveller;
}

function nationalityFor(rng: Rng, identity: Identity, culture: Culture): string {
  if (identity.culture !== 'western') return rng.pick(culture.nationalities);
  const found = WESTERN_NATIONALITIES.find((nationality) => westernPool(nationality).surnames.includes(identity.surname.forms.orthography ?? ''));
  return found ?? rng.pick(['GBR', 'IRL']);
}

/** One listed person and one traveller for them, by a name kind and a date kind; undefined when the draw does not suit the kind. */
function build(rng: Rng, id: string, nameSpec: KindSpec, dateSpec: KindSpec | undefined, forced?: { culture: Culture; identity: Identity }): Built | undefined {
  const cultures = dateSpec === undefined ? nameSpec.cultures : nameSpec.cultures.filter((c) => dateSpec.cultures.includes(c));
  const culture = forced?.culture ?? CULTURE_BY_ID[rng.pick(cultures)];
  const sex: Sex = forced?.identity.sex ?? (rng.chance(0.6) ? 'M' : 'F');
  const identity = forced?.identity ?? nameSpec.identity?.(rng, culture, sex) ?? (nameSpec.identity === undefined ? makeIdentity(rng, culture, sex) : undefined);
  if (identity === undefined) return undefined;
  const context: KindContext = { rng, culture, identity, date: randomDate(rng), makeIdentity: (c, s) => makeIdentity(rng, c, s) };
  const name = nameSpec.name?.(context);
  if (name === undefined) return undefined;
  const dates: DateOutcome | undefined = dateSpec?.date !== undefined ? dateSpec.date(context) : { precision: rng.chance(0.9) ? 'day' : rng.pick(['month', 'year'] as const), mrz: mrzDate(context.date) };
  if (dates === undefined) return undefined;
  const fits = (n: WrittenName): boolean => mrzFieldLength(n.surname, n.givenNames) <= TD3_NAME_LENGTH + 6;
  if (name.cut !== true && !fits(name.traveller)) return undefined;
  const nationality = nationalityFor(rng, identity, culture);
  const [category, action] = rng.pick(CATEGORIES);
  const aliases: WrittenName[] = [];
  const identities: Identity[] = [identity];
  if (name.alias !== undefined) {
    aliases.push(name.alias.written);
    identities.push(name.alias.identity);
  } else if (rng.chance(0.08)) {
    const other = makeIdentity(rng, culture, sex);
    aliases.push(written(other, everywhere(culture.passport), culture.passport));
    identities.push(other);
  }
  const birthDate = listDate(context.date, dates.precision);
  const entry: PersonListEntry = {
    id,
    surname: name.list.surname,
    givenNames: name.list.givenNames,
    aliases: aliases.map((alias) => ({ surname: alias.surname, givenNames: alias.givenNames })),
    ...(birthDate === null ? {} : { birthDate }),
    ...(rng.chance(0.9) ? { nationality } : {}),
    ...(rng.chance(0.9) ? { sex } : {}),
    category,
    action,
  };
  const sexOnMrz: MrzTraveller['sex'] = sex;
  let traveller = asTraveller(name.traveller, dates.mrz, nationality, sexOnMrz, { ...(name.plain === true ? { plain: true } : {}), ...(name.cut === true ? { cut: true } : {}) });
  if (nameSpec.attribute !== undefined) traveller = nameSpec.attribute(context, traveller);
  return { person: { entry, identities, date: context.date, precision: dates.precision }, traveller };
}

function buildRetrying(rng: Rng, id: string, nameSpec: KindSpec, dateSpec: KindSpec | undefined, forced?: { culture: Culture; identity: Identity }): Built {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const built = build(rng, id, nameSpec, dateSpec, forced);
    if (built !== undefined) return built;
  }
  throw new Error(`could not build ${nameSpec.kind}${dateSpec === undefined ? '' : ` + ${dateSpec.kind}`}`);
}

const specNamed = (kind: string): KindSpec => {
  const spec = [...NAME_KINDS, ...DATE_VARIANT_KINDS].find((candidate) => candidate.kind === kind);
  if (spec === undefined) throw new Error(`no kind ${kind}`);
  return spec;
};

/** The whole set, deterministic for a seed. */
export function generateVariantSet(seed = DEFAULT_SEED): VariantSet {
  const rng = seededRng(seed);
  const persons: ListedPerson[] = [];
  const variants: TrueVariant[] = [];
  const nextId = (): string => `pv-${String(persons.length + 1).padStart(5, '0')}`;
  const add = (built: Built, kind: string, components: readonly string[]): void => {
    persons.push(built.person);
    variants.push({ id: `tv-${String(variants.length + 1).padStart(5, '0')}`, kind, components, expected: built.person.entry.id, traveller: built.traveller });
  };
  for (const spec of [...NAME_KINDS, ...DATE_VARIANT_KINDS]) {
    for (let i = 0; i < PER_KIND; i += 1) add(buildRetrying(rng, nextId(), spec, spec.date === undefined ? undefined : spec), spec.kind, [spec.kind]);
  }
  for (let i = 0; i < COMBINED; i += 1) {
    const nameSpec = specNamed(rng.pick(COMBINABLE_NAME_KINDS));
    const dateSpec = specNamed(rng.pick(COMBINABLE_DATE_KINDS));
    add(buildRetrying(rng, nextId(), nameSpec, dateSpec), 'combined', [nameSpec.kind, dateSpec.kind]);
  }
  for (const identity of commonNames()) {
    for (let i = 0; i < PER_COMMON_NAME; i += 1) {
      const spec = specNamed(rng.pick(['exact', 'date-day-off', 'date-day-month-swapped', 'nationality-other']));
      const culture = CULTURE_BY_ID[identity.culture];
      const built = spec.date === undefined ? buildRetrying(rng, nextId(), spec, undefined, { culture, identity }) : buildRetrying(rng, nextId(), specNamed('exact'), spec, { culture, identity });
      // The common-name entries know the full date, so that a namesake with another date is told apart.
      const full: Built = { ...built, person: { ...built.person, precision: 'day', entry: { ...built.person.entry, birthDate: listDate(built.person.date, 'day') ?? '' } } };
      add(full, spec.kind, [spec.kind]);
    }
  }
  const controls = makeControls(rng, persons, commonNames());
  return { seed, persons, entries: persons.map((person) => person.entry), variants, controls };
}
