import { cyrillicForms } from './cyrillic.js';
import type { Culture, NamePart } from './identity.js';
import type { Rng } from './prng.js';

/**
 * Armenian script to Latin: Eastern Armenian as Armenian passports write it,
 * Western Armenian as the diaspora writes it (Բ P, Գ K, Դ T, Կ G, Պ B, Տ D, Ծ DZ, Ճ J, Ջ CH, initial Յ H, -յան -IAN).
 */
const EASTERN: Readonly<Record<string, string>> = {
  ա: 'a', բ: 'b', գ: 'g', դ: 'd', ե: 'e', զ: 'z', է: 'e', ը: 'y', թ: 't', ժ: 'zh', ի: 'i', լ: 'l', խ: 'kh', ծ: 'ts', կ: 'k', հ: 'h',
  ձ: 'dz', ղ: 'gh', ճ: 'ch', մ: 'm', յ: 'y', ն: 'n', շ: 'sh', ո: 'o', չ: 'ch', պ: 'p', ջ: 'j', ռ: 'r', ս: 's', վ: 'v', տ: 't', ր: 'r',
  ց: 'ts', ւ: 'v', փ: 'p', ք: 'k', և: 'ev', օ: 'o', ֆ: 'f',
};
const WESTERN: Readonly<Record<string, string>> = { ...EASTERN, բ: 'p', գ: 'k', դ: 't', կ: 'g', պ: 'b', տ: 'd', ծ: 'dz', ձ: 'ts', ճ: 'j', ջ: 'ch', ժ: 'j' };

function romanise(armenian: string, western: boolean): string {
  const table = western ? WESTERN : EASTERN;
  const chars = Array.from(armenian.toLowerCase());
  let out = '';
  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i] ?? '';
    const prev = chars[i - 1];
    const next = chars[i + 1];
    const initial = prev === undefined || prev === '-' || prev === ' ';
    if (ch === 'ո' && next === 'ւ') {
      out += western ? 'ou' : 'u';
      i += 1;
    } else if (ch === 'ո' && initial) out += 'vo';
    else if (ch === 'ե' && initial) out += 'ye';
    else if (ch === 'և' && initial) out += 'yev';
    else if (ch === 'յ' && western && initial) out += 'h';
    else if (ch === 'յ' && western && next === 'ա') out += 'i';
    else out += table[ch] ?? ch;
  }
  return out.toUpperCase();
}

/** Surnames: Armenian script and the Russian form a Russian-issued document writes. */
const SURNAMES: readonly (readonly [string, string])[] = [
  ['Հովհաննիսյան', 'Оганесян'], ['Խաչատրյան', 'Хачатрян'], ['Պետրոսյան', 'Петросян'], ['Սարգսյան', 'Саркисян'], ['Գրիգորյան', 'Григорян'],
  ['Հարությունյան', 'Арутюнян'], ['Հակոբյան', 'Акопян'], ['Մկրտչյան', 'Мкртчян'], ['Ավետիսյան', 'Аветисян'], ['Վարդանյան', 'Варданян'],
  ['Ղազարյան', 'Казарян'], ['Մարտիրոսյան', 'Мартиросян'], ['Ստեփանյան', 'Степанян'], ['Կարապետյան', 'Карапетян'], ['Բաղդասարյան', 'Багдасарян'],
  ['Սահակյան', 'Саакян'], ['Մանուկյան', 'Манукян'], ['Գևորգյան', 'Геворкян'], ['Ասատրյան', 'Асатрян'], ['Թորոսյան', 'Торосян'],
  ['Մելքոնյան', 'Мелконян'], ['Զաքարյան', 'Закарян'], ['Ներսիսյան', 'Нерсисян'], ['Առաքելյան', 'Аракелян'], ['Եղիազարյան', 'Егиазарян'],
  ['Տեր-Մինասյան', 'Тер-Минасян'], ['Տեր-Պետրոսյան', 'Тер-Петросян'], ['Սիմոնյան', 'Симонян'], ['Դավթյան', 'Давтян'], ['Համբարձումյան', 'Амбарцумян'],
  ['Գալստյան', 'Галстян'], ['Մովսիսյան', 'Мовсисян'], ['Պողոսյան', 'Погосян'], ['Ղուկասյան', 'Гукасян'], ['Մնացականյան', 'Мнацаканян'], ['Այվազյան', 'Айвазян'],
];

const MALE: readonly (readonly [string, string])[] = [
  ['Արմեն', 'Армен'], ['Գագիկ', 'Гагик'], ['Տիգրան', 'Тигран'], ['Հայկ', 'Айк'], ['Արամ', 'Арам'], ['Վահե', 'Ваге'], ['Սուրեն', 'Сурен'],
  ['Աշոտ', 'Ашот'], ['Կարեն', 'Карен'], ['Արթուր', 'Артур'], ['Դավիթ', 'Давид'], ['Գևորգ', 'Геворг'], ['Հովհաննես', 'Оганес'], ['Սամվել', 'Самвел'],
  ['Արսեն', 'Арсен'], ['Նարեկ', 'Нарек'], ['Վարդան', 'Вардан'], ['Ռուբեն', 'Рубен'], ['Հրանտ', 'Грант'], ['Մհեր', 'Мгер'],
];
const FEMALE: readonly (readonly [string, string])[] = [
  ['Անահիտ', 'Анаит'], ['Լուսինե', 'Лусине'], ['Արմինե', 'Армине'], ['Գայանե', 'Гаяне'], ['Նարինե', 'Нарине'], ['Սիրանուշ', 'Сирануш'],
  ['Հասմիկ', 'Асмик'], ['Լիլիթ', 'Лилит'], ['Զարուհի', 'Заруи'], ['Ռուզաննա', 'Рузанна'],
];

function part(kind: string, [armenian, russian]: readonly [string, string]): NamePart {
  const eastern = romanise(armenian, false);
  return {
    key: `armenian:${kind}:${armenian}`,
    forms: { armenian, eastern, western: romanise(armenian, true), diaspora: eastern.replace(/YAN\b/g, 'IAN'), ...cyrillicForms(russian, 'ru-') },
  };
}

export function armenianSurnameNamed(armenian: string): NamePart {
  const found = SURNAMES.find(([name]) => name === armenian);
  if (found === undefined) throw new Error(`no Armenian surname ${armenian}`);
  return part('s', found);
}

export function armenianGivenNamed(armenian: string): NamePart {
  const found = [...MALE, ...FEMALE].find(([name]) => name === armenian);
  if (found === undefined) throw new Error(`no Armenian given name ${armenian}`);
  return part('g', found);
}

export const armenian: Culture = {
  id: 'armenian',
  nationalities: ['ARM'],
  passport: 'eastern',
  surname: (rng) => part('s', rng.pick(SURNAMES)),
  given: (rng, sex) => part('g', rng.pick(sex === 'M' ? MALE : FEMALE)),
};

/** A surname written with TER- (TER-MINASYAN), for the joined and split names. */
export function armenianCompoundSurname(rng: Pick<Rng, 'pick'>): NamePart {
  return part('s', rng.pick(SURNAMES.filter(([name]) => name.includes('-'))));
}
