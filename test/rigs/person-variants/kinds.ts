import type { MrzTraveller } from '../../../main/common/contract/alert-lists.js';
import { armenianCompoundSurname } from './armenian.js';
import { ARABIC_ARTICLE_ROOTS, arabicArticleSurname, chineseGiven } from './arabic-chinese.js';
import { CYRILLIC_SYSTEMS } from './cyrillic.js';
import { type BirthDate, daysIn, differingComponents, isDayMonthSwap, mrzDate, type Precision } from './dates.js';
import { foldIcao, foldPlain, mrzFieldLength } from './fold.js';
import { type Culture, type CultureId, formOf, type Identity, type Sex } from './identity.js';
import type { Rng } from './prng.js';
import { type Choose, everywhere, written, type WrittenName } from './render.js';
import { macSurname, westernGiven, westernPool, westernSurname, WESTERN_NATIONALITIES } from './western.js';

/** What a kind does to the name: the list's writing, the traveller's, and how the MRZ folds it. */
export interface NameOutcome {
  readonly list: WrittenName;
  readonly traveller: WrittenName;
  readonly plain?: boolean;
  readonly cut?: boolean;
  /** An alias the list entry carries (the traveller may be written as it). */
  readonly alias?: { readonly identity: Identity; readonly written: WrittenName };
}
export interface DateOutcome {
  readonly precision: Precision;
  readonly mrz: string;
}
export interface KindContext {
  readonly rng: Rng;
  readonly culture: Culture;
  readonly identity: Identity;
  readonly date: BirthDate;
  readonly makeIdentity: (culture: Culture, sex: Sex) => Identity;
}
export interface KindSpec {
  readonly kind: string;
  readonly group: 'baseline' | 'transliteration' | 'spelling' | 'structure' | 'date' | 'attribute';
  readonly cultures: readonly CultureId[];
  readonly description: string;
  readonly identity?: (rng: Rng, culture: Culture, sex: Sex) => Identity | undefined;
  readonly name?: (context: KindContext) => NameOutcome | undefined;
  readonly date?: (context: KindContext) => DateOutcome | undefined;
  readonly attribute?: (context: KindContext, traveller: MrzTraveller) => MrzTraveller;
}

const same = (context: KindContext): WrittenName => written(context.identity, everywhere(context.culture.passport), context.culture.passport);
const both = (context: KindContext, list: Choose, traveller: Choose, fixed = false): NameOutcome | undefined => {
  const outcome = { list: written(context.identity, list, context.culture.passport), traveller: written(context.identity, traveller, context.culture.passport) };
  const folded = (name: WrittenName): string => `${foldIcao(name.surname)}/${foldIcao(name.givenNames)}`;
  // Only a pair whose folded forms differ tests anything.
  if (folded(outcome.list) === folded(outcome.traveller)) return undefined;
  return fixed || context.rng.chance(0.5) ? outcome : { list: outcome.traveller, traveller: outcome.list };
};
/** `a` on the list and `b` on the passport with this probability, else the other way round. */
const eitherWay = (rng: Rng, a: WrittenName, b: WrittenName, listsA = 0.5): NameOutcome => (rng.chance(listsA) ? { list: a, traveller: b } : { list: b, traveller: a });
/** The list in one system, the traveller in another (either way round). */
const between = (context: KindContext, a: string, b: string, fixed = false): NameOutcome | undefined => both(context, everywhere(a), everywhere(b), fixed);

function cyrillicKind(system: (typeof CYRILLIC_SYSTEMS)[number]): KindSpec {
  return {
    kind: `cyrillic-${system}`,
    group: 'transliteration',
    cultures: ['slavic'],
    description: `Russian/Ukrainian name: one side in ${system}, the other in another Cyrillic system`,
    name: (context) => between(context, system, context.rng.pick(CYRILLIC_SYSTEMS.filter((other) => other !== system))),
  };
}

const viaRussian = (context: KindContext): NameOutcome | undefined => between(context, context.culture.passport, `ru-${context.rng.pick(CYRILLIC_SYSTEMS)}`);

function westernIdentity(rng: Rng, sex: Sex, test: (name: string) => boolean): Identity | undefined {
  const pool = westernPool(rng.pick(WESTERN_NATIONALITIES));
  for (let attempt = 0; attempt < 30; attempt += 1) {
    const identity: Identity = { culture: 'western', sex, surname: westernSurname(pool, rng), given: [westernGiven(pool, rng, sex)], patronymic: null };
    if (test(formOf(identity.surname, 'orthography', 'orthography')) || identity.given.some((part) => test(formOf(part, 'orthography', 'orthography')))) return identity;
  }
  return undefined;
}
const hasDiacritic = (name: string): boolean => /[^A-Z '-]/.test(name);
const stripsDifferently = (name: string): boolean => foldIcao(name) !== foldPlain(name);

const DATE_KINDS: readonly KindSpec[] = [
  { kind: 'date-year-only', group: 'date', cultures: [], description: 'the list knows only the year', date: (c) => ({ precision: 'year', mrz: mrzDate(c.date) }) },
  { kind: 'date-year-month', group: 'date', cultures: [], description: 'the list knows only the year and month', date: (c) => ({ precision: 'month', mrz: mrzDate(c.date) }) },
  { kind: 'date-list-absent', group: 'date', cultures: [], description: 'the list has no birth date', date: (c) => ({ precision: 'none', mrz: mrzDate(c.date) }) },
  { kind: 'date-mrz-day-unknown', group: 'date', cultures: [], description: 'the MRZ gives YYMM<<', date: (c) => ({ precision: 'day', mrz: mrzDate(c.date, 'day') }) },
  { kind: 'date-mrz-month-day-unknown', group: 'date', cultures: [], description: 'the MRZ gives YY<<<<', date: (c) => ({ precision: 'day', mrz: mrzDate(c.date, 'month-day') }) },
  {
    kind: 'date-day-off',
    group: 'date',
    cultures: [],
    description: 'the day differs (another day of the month)',
    date: (c) => oneOff(c, (d) => ({ ...d, day: c.rng.int(1, daysIn(d.year, d.month)) })),
  },
  { kind: 'date-month-off', group: 'date', cultures: [], description: 'the month differs', date: (c) => oneOff(c, (d) => ({ ...d, month: c.rng.int(1, 12) })) },
  { kind: 'date-year-off', group: 'date', cultures: [], description: 'the year differs by one', date: (c) => oneOff(c, (d) => ({ ...d, year: d.year + (c.rng.chance(0.5) ? 1 : -1) })) },
  {
    kind: 'date-day-month-swapped',
    group: 'date',
    cultures: [],
    description: 'day and month written the other way round (the day 12 or less)',
    date: (c) => (c.date.day <= 12 && c.date.day !== c.date.month ? { precision: 'day', mrz: mrzDate({ ...c.date, day: c.date.month, month: c.date.day }) } : undefined),
  },
];

function oneOff(context: KindContext, change: (date: BirthDate) => BirthDate): DateOutcome | undefined {
  const changed = change(context.date);
  if (changed.day > daysIn(changed.year, changed.month) || differingComponents(context.date, 'day', changed) !== 1 || isDayMonthSwap(context.date, changed)) return undefined;
  return { precision: 'day', mrz: mrzDate(changed) };
}

const ALL: readonly CultureId[] = ['slavic', 'armenian', 'georgian', 'azerbaijani', 'kazakh', 'arabic', 'chinese', 'western'];

function withExtraGiven(identity: Identity, culture: Culture, rng: Rng, count: number): Identity {
  const given = [...identity.given];
  while (given.length < count) given.push(culture.given(rng, identity.sex));
  return { ...identity, given };
}

export const NAME_KINDS: readonly KindSpec[] = [
  { kind: 'exact', group: 'baseline', cultures: ALL, description: 'the name as listed, folded the Doc 9303 way', name: (c) => ({ list: same(c), traveller: same(c) }) },
  ...CYRILLIC_SYSTEMS.map(cyrillicKind),
  {
    kind: 'cyrillic-script-list',
    group: 'transliteration',
    cultures: ['slavic'],
    description: 'the list writes the name in Cyrillic; the passport in ICAO, MVD 2006 or MVD 2010',
    name: (c) => ({ list: written(c.identity, everywhere('cyrillic'), 'cyrillic'), traveller: written(c.identity, everywhere(c.rng.pick(['icao', 'mvd2006', 'mvd2010'])), 'icao') }),
  },
  {
    kind: 'armenian-ian-yan',
    group: 'transliteration',
    cultures: ['armenian'],
    description: 'Armenian surname in -YAN (passport) and -IAN (diaspora, older documents)',
    name: (c) => both(c, (_part, role) => (role === 'surname' ? 'diaspora' : 'eastern'), everywhere('eastern')),
  },
  { kind: 'armenian-western', group: 'transliteration', cultures: ['armenian'], description: 'Western Armenian (HAGOPIAN) against the Eastern passport form (HAKOBYAN)', name: (c) => between(c, 'western', 'eastern') },
  { kind: 'armenian-via-russian', group: 'transliteration', cultures: ['armenian'], description: 'the Russian form (OGANESYAN) in some Cyrillic system against the passport form (HOVHANNISYAN)', name: viaRussian },
  { kind: 'georgian-via-russian', group: 'transliteration', cultures: ['georgian'], description: 'the national system of 2002 against the Russian form in some Cyrillic system', name: viaRussian },
  { kind: 'azerbaijani-national', group: 'transliteration', cultures: ['azerbaijani'], description: 'the list in Azerbaijani orthography (MƏMMƏDOV), the passport form (MAMMADOV)', name: (c) => between(c, 'orthography', 'passport', true) },
  { kind: 'azerbaijani-via-russian', group: 'transliteration', cultures: ['azerbaijani'], description: 'the passport form against the Russian form (MAMEDOV)', name: viaRussian },
  { kind: 'kazakh-national', group: 'transliteration', cultures: ['kazakh'], description: 'the Kazakh Latin alphabet of 2021 (QASYMOV) against the passport form', name: (c) => between(c, 'latin2021', 'passport', true) },
  { kind: 'kazakh-via-russian', group: 'transliteration', cultures: ['kazakh'], description: 'the passport form against the Russian form in some Cyrillic system', name: viaRussian },
  {
    kind: 'arabic-persian-spelling',
    group: 'spelling',
    cultures: ['arabic'],
    description: 'another common Latin spelling of one or more parts (MOHAMMED/MUHAMMAD, HOSSEINI/HOSEYNI)',
    identity: (rng, culture, sex) => ({ culture: 'arabic', sex, surname: rng.chance(0.5) ? culture.given(rng, 'M') : culture.surname(rng, sex), given: [culture.given(rng, sex)], patronymic: rng.chance(0.5) ? (culture.patronymic?.(rng, sex) ?? null) : null }),
    name: (c) => both(c, everywhere('v0'), (part) => c.rng.pick(Object.keys(part.forms).filter((form) => form !== 'v0').concat(['v0']))),
  },
  {
    kind: 'arabic-article',
    group: 'spelling',
    cultures: ['arabic'],
    description: 'the article written otherwise: AL RASHID, AR RASHID, EL RASHID, AL-RASHID',
    identity: (rng, culture, sex) => ({ culture: 'arabic', sex, surname: arabicArticleSurname(rng.pick(ARABIC_ARTICLE_ROOTS)), given: [culture.given(rng, sex)], patronymic: null }),
    name: (c) => {
      const forms = Object.keys(c.identity.surname.forms).filter((form) => !/^AL[A-Z]/.test(c.identity.surname.forms[form] ?? ''));
      const listForm = c.rng.pick(forms);
      return both(c, (_p, role) => (role === 'surname' ? listForm : 'v0'), (_p, role) => (role === 'surname' ? c.rng.pick(forms.filter((f) => f !== listForm)) : 'v0'));
    },
  },
  { kind: 'chinese-wade-giles', group: 'transliteration', cultures: ['chinese'], description: 'Hanyu Pinyin against Wade-Giles (ZHANG XIAOMING / CHANG HSIAO-MING)', name: (c) => between(c, 'pinyin', 'wade') },
  { kind: 'chinese-cantonese', group: 'transliteration', cultures: ['chinese'], description: 'Hanyu Pinyin against the Cantonese reading (CHEN / CHAN, ZHANG / CHEUNG)', name: (c) => between(c, 'pinyin', 'cantonese') },
  {
    kind: 'diacritics-icao',
    group: 'spelling',
    cultures: ['western'],
    description: 'the list in national orthography (ÖZDEMİR, LINDSTRÖM, GROß), the MRZ folded the Doc 9303 way',
    identity: (rng, _culture, sex) => westernIdentity(rng, sex, hasDiacritic),
    name: (c) => ({ list: same(c), traveller: same(c) }),
  },
  {
    kind: 'plain-strip',
    group: 'spelling',
    cultures: ['western'],
    description: 'the MRZ strips the marks plainly (Ü U, Ö O, Å A, Ø O) instead of Doc 9303 (UE, OE, AA)',
    identity: (rng, _culture, sex) => westernIdentity(rng, sex, stripsDifferently),
    name: (c) => ({ list: same(c), traveller: same(c), plain: true }),
  },
  {
    kind: 'apostrophe-hyphen',
    group: 'spelling',
    cultures: ['western'],
    description: "apostrophes and hyphens as listed (D'AMICO, O'BRIEN, JEAN-PIERRE); the MRZ drops the apostrophe, a hyphen becomes a space",
    identity: (rng, _culture, sex) => westernIdentity(rng, sex, (name) => /['-]/.test(name)),
    name: (c) => ({ list: same(c), traveller: same(c) }),
  },
  {
    kind: 'mc-mac',
    group: 'spelling',
    cultures: ['western'],
    description: 'MC and MAC (MCDONALD, MACDONALD, MC DONALD)',
    identity: (rng, _culture, sex) => ({ culture: 'western', sex, surname: macSurname(rng), given: [westernGiven(westernPool(rng.pick(['IRL', 'D', 'NLD'])), rng, sex)], patronymic: null }),
    name: (c) => {
      const listForm = c.rng.pick(['mc', 'mac', 'mc-split']);
      return both(c, (_p, role) => (role === 'surname' ? listForm : 'orthography'), (_p, role) => (role === 'surname' ? c.rng.pick(['mc', 'mac', 'mc-split'].filter((f) => f !== listForm)) : 'orthography'));
    },
  },
  {
    kind: 'swapped',
    group: 'structure',
    cultures: ALL,
    description: 'surname and given names crossed over',
    name: (c) => {
      const name = same(c);
      return { list: name, traveller: { surname: name.givenNames, givenNames: name.surname } };
    },
  },
  {
    kind: 'dropped-middle',
    group: 'structure',
    cultures: ['slavic', 'arabic', 'western', 'kazakh'],
    description: 'a middle name or patronymic on one side only (ROMAN ANATOLEVICH / ROMAN)',
    identity: (rng, culture, sex) => {
      if (culture.patronymic !== undefined && culture.id !== 'western') return { culture: culture.id, sex, surname: culture.surname(rng, sex), given: [culture.given(rng, sex)], patronymic: culture.patronymic(rng, sex) };
      const pool = westernPool(rng.pick(WESTERN_NATIONALITIES));
      return { culture: culture.id, sex, surname: culture.id === 'western' ? westernSurname(pool, rng) : culture.surname(rng, sex), given: culture.id === 'western' ? [westernGiven(pool, rng, sex), westernGiven(pool, rng, sex)] : [culture.given(rng, sex), culture.given(rng, sex)], patronymic: null };
    },
    name: (c) => {
      const full = same(c);
      const short = c.identity.patronymic !== null ? written(c.identity, everywhere(c.culture.passport), c.culture.passport, false) : written({ ...c.identity, given: c.identity.given.slice(0, 1) }, everywhere(c.culture.passport), c.culture.passport);
      if (foldIcao(full.givenNames) === foldIcao(short.givenNames)) return undefined;
      return eitherWay(c.rng, full, short, 0.7);
    },
  },
  {
    kind: 'joined-split',
    group: 'structure',
    cultures: ['armenian', 'chinese', 'arabic', 'western'],
    description: 'a part joined or split: TER-MINASYAN / TERMINASYAN, XIAOMING / XIAO MING, AL RASHID / ALRASHID, VAN DER BERG / VANDERBERG',
    identity: (rng, culture, sex) => {
      if (culture.id === 'armenian') return { culture: 'armenian', sex, surname: armenianCompoundSurname(rng), given: [culture.given(rng, sex)], patronymic: null };
      if (culture.id === 'chinese') return { culture: 'chinese', sex, surname: culture.surname(rng, sex), given: [chineseGiven(rng, 2)], patronymic: null };
      if (culture.id === 'arabic') return { culture: 'arabic', sex, surname: arabicArticleSurname(rng.pick(ARABIC_ARTICLE_ROOTS)), given: [culture.given(rng, sex)], patronymic: null };
      return westernIdentity(rng, sex, (name) => /^(VAN|DE|DI|DU) /.test(name));
    },
    name: (c) => {
      const base = same(c);
      const joined = (text: string): string => foldIcao(text).replace(/ /g, '');
      if (c.culture.id === 'chinese') {
        const split = written(c.identity, (_p, role) => (role === 'given' ? 'pinyin-split' : 'pinyin'), 'pinyin');
        return eitherWay(c.rng, base, split);
      }
      const join = { surname: joined(base.surname), givenNames: base.givenNames };
      return eitherWay(c.rng, base, join, 0.7);
    },
  },
  {
    kind: 'mrz-truncated',
    group: 'structure',
    cultures: ['arabic', 'western', 'slavic', 'armenian'],
    description: 'a long name cut at the TD3 name field (39 characters, SURNAME<<GIVEN<NAMES)',
    identity: (rng, culture, sex) => {
      let identity = withExtraGiven({ culture: culture.id, sex, surname: culture.surname(rng, sex), given: [culture.given(rng, sex)], patronymic: culture.id === 'slavic' ? (culture.patronymic?.(rng, sex) ?? null) : null }, culture, rng, 2);
      for (let more = 3; more <= 6; more += 1) {
        const name = written(identity, everywhere(culture.passport), culture.passport);
        if (mrzFieldLength(foldIcao(name.surname), foldIcao(name.givenNames)) > 41) return identity;
        identity = withExtraGiven(identity, culture, rng, more);
      }
      return undefined;
    },
    name: (c) => ({ list: same(c), traveller: same(c), cut: true }),
  },
  {
    kind: 'alias',
    group: 'structure',
    cultures: ALL,
    description: 'the traveller carries the name the entry lists as an alias',
    name: (c) => {
      const alias = c.makeIdentity(c.culture, c.identity.sex);
      const aliasName = written(alias, everywhere(c.culture.passport), c.culture.passport);
      return { list: same(c), traveller: aliasName, alias: { identity: alias, written: aliasName } };
    },
  },
  {
    kind: 'nationality-other',
    group: 'attribute',
    cultures: ALL,
    description: 'the traveller carries another state’s passport',
    name: (c) => ({ list: same(c), traveller: same(c) }),
    attribute: (c, traveller) => ({ ...traveller, nationality: c.rng.pick(['GBR', 'USA', 'CAN', 'FRA', 'D', 'ISR', 'UTO'].filter((n) => n !== traveller.nationality)) }),
  },
  {
    kind: 'sex-unspecified',
    group: 'attribute',
    cultures: ALL,
    description: 'the MRZ gives < or X for sex',
    name: (c) => ({ list: same(c), traveller: same(c) }),
    attribute: (c, traveller) => ({ ...traveller, sex: c.rng.pick(['<', 'X'] as const) }),
  },
];

export const DATE_VARIANT_KINDS: readonly KindSpec[] = DATE_KINDS.map((spec) => ({ ...spec, cultures: ALL, name: (c: KindContext) => ({ list: same(c), traveller: same(c) }) }));

/** Name kinds that combine with a date kind in the `combined` travellers. */
export const COMBINABLE_NAME_KINDS: readonly string[] = ['cyrillic-icao', 'cyrillic-mvd2006', 'cyrillic-german', 'cyrillic-bgn', 'armenian-via-russian', 'armenian-western', 'arabic-persian-spelling', 'chinese-cantonese', 'swapped', 'dropped-middle', 'diacritics-icao'];
export const COMBINABLE_DATE_KINDS: readonly string[] = ['date-year-only', 'date-day-off', 'date-day-month-swapped', 'date-mrz-day-unknown', 'date-year-off'];
