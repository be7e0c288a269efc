import { cyrillicForms } from './cyrillic.js';
import type { Culture, NamePart } from './identity.js';

/** Georgian script: the national system of 2002 (passports), and the Russian form, mechanically, for surnames. */
const GEORGIAN_LATIN: Readonly<Record<string, string>> = {
  ა: 'a', ბ: 'b', გ: 'g', დ: 'd', ე: 'e', ვ: 'v', ზ: 'z', თ: 't', ი: 'i', კ: 'k', ლ: 'l', მ: 'm', ნ: 'n', ო: 'o', პ: 'p', ჟ: 'zh', რ: 'r',
  ს: 's', ტ: 't', უ: 'u', ფ: 'p', ქ: 'k', ღ: 'gh', ყ: 'q', შ: 'sh', ჩ: 'ch', ც: 'ts', ძ: 'dz', წ: 'ts', ჭ: 'ch', ხ: 'kh', ჯ: 'j', ჰ: 'h',
};
const GEORGIAN_RUSSIAN: Readonly<Record<string, string>> = {
  ა: 'а', ბ: 'б', გ: 'г', დ: 'д', ე: 'е', ვ: 'в', ზ: 'з', თ: 'т', ი: 'и', კ: 'к', ლ: 'л', მ: 'м', ნ: 'н', ო: 'о', პ: 'п', ჟ: 'ж', რ: 'р',
  ს: 'с', ტ: 'т', უ: 'у', ფ: 'п', ქ: 'к', ღ: 'г', ყ: 'к', შ: 'ш', ჩ: 'ч', ც: 'ц', ძ: 'дз', წ: 'ц', ჭ: 'ч', ხ: 'х', ჯ: 'дж', ჰ: 'х',
};
const mapChars = (text: string, table: Readonly<Record<string, string>>): string => Array.from(text).map((ch) => table[ch] ?? ch).join('');

const GEORGIAN_SURNAMES = (
  'ბერიძე კაპანაძე გელაშვილი მაისურაძე გიორგაძე ლომიძე ცერცვაძე ბოლქვაძე ნოზაძე ხარაბაძე ჯაფარიძე გოგიჩაიშვილი ქავთარაძე ჩიქოვანი ' +
  'შენგელია ღლონტი წიკლაური ჭანტურია ყიფიანი ხუციშვილი მჭედლიშვილი ნიჟარაძე ჟღენტი ლობჟანიძე ჯანელიძე დოლიძე ტაბატაძე ფხაკაძე ქურდაძე'
).split(' ');
const GEORGIAN_MALE: readonly (readonly [string, string])[] = [
  ['ზურაბ', 'Зураб'], ['დავით', 'Давид'], ['ლევან', 'Леван'], ['ირაკლი', 'Ираклий'], ['ლაშა', 'Лаша'], ['გოჩა', 'Гоча'], ['თამაზ', 'Тамаз'],
  ['ვახტანგ', 'Вахтанг'], ['მამუკა', 'Мамука'], ['ზვიად', 'Звиад'], ['გურამ', 'Гурам'], ['ნოდარ', 'Нодар'], ['ბესიკ', 'Бесик'], ['გიორგი', 'Георгий'],
];
const GEORGIAN_FEMALE: readonly (readonly [string, string])[] = [
  ['ნინო', 'Нино'], ['თამარ', 'Тамара'], ['ქეთევან', 'Кетеван'], ['მაკა', 'Мака'], ['ნანა', 'Нана'], ['ხათუნა', 'Хатуна'], ['მარიამ', 'Мариам'],
  ['ნათელა', 'Натела'], ['ლალი', 'Лали'], ['მანანა', 'Манана'], ['ეკა', 'Эка'], ['სოფიო', 'Софио'],
];

function georgianPart(kind: string, georgian: string, russian: string): NamePart {
  return { key: `georgian:${kind}:${georgian}`, forms: { national: mapChars(georgian, GEORGIAN_LATIN).toUpperCase(), ...cyrillicForms(russian, 'ru-') } };
}

export const georgian: Culture = {
  id: 'georgian',
  nationalities: ['GEO'],
  passport: 'national',
  surname: (rng) => {
    const name = rng.pick(GEORGIAN_SURNAMES);
    return georgianPart('s', name, mapChars(name, GEORGIAN_RUSSIAN).replace(/^./u, (c) => c.toUpperCase()));
  },
  given: (rng, sex) => {
    const [name, russian] = rng.pick(sex === 'M' ? GEORGIAN_MALE : GEORGIAN_FEMALE);
    return georgianPart('g', name, russian);
  },
};

/** Azerbaijani: the Latin orthography, the passport's romanisation of it, and the Russian form. */
const AZERBAIJANI_PASSPORT: Readonly<Record<string, string>> = { ə: 'a', ş: 'sh', ç: 'ch', ğ: 'gh', x: 'kh', c: 'j', q: 'g', ü: 'u', ö: 'o', ı: 'i', i: 'i' };
const AZERBAIJANI_SURNAMES: readonly (readonly [string, string])[] = [
  ['Məmmədov', 'Мамедов'], ['Əliyev', 'Алиев'], ['Hüseynov', 'Гусейнов'], ['Həsənov', 'Гасанов'], ['Quliyev', 'Кулиев'], ['Abbasov', 'Аббасов'],
  ['İsmayılov', 'Исмаилов'], ['Kərimov', 'Керимов'], ['Rəhimov', 'Рагимов'], ['Nəsirov', 'Насиров'], ['Cəfərov', 'Джафаров'], ['Bağırov', 'Багиров'],
  ['Süleymanov', 'Сулейманов'], ['Şükürov', 'Шукюров'], ['Hacıyev', 'Гаджиев'], ['Vəliyev', 'Велиев'], ['Mustafayev', 'Мустафаев'],
  ['Əhmədov', 'Ахмедов'], ['Qasımov', 'Касумов'], ['Zeynalov', 'Зейналов'], ['Xəlilov', 'Халилов'], ['Novruzov', 'Новрузов'],
];
const AZERBAIJANI_MALE: readonly (readonly [string, string])[] = [
  ['Elçin', 'Эльчин'], ['Rəşad', 'Рашад'], ['Vüqar', 'Вугар'], ['Anar', 'Анар'], ['Elnur', 'Эльнур'], ['Tural', 'Турал'], ['Orxan', 'Орхан'],
  ['Kamran', 'Камран'], ['Fərid', 'Фарид'], ['Ramil', 'Рамиль'], ['Nicat', 'Ниджат'], ['Səbuhi', 'Сабухи'], ['Famil', 'Фамиль'],
];
const AZERBAIJANI_FEMALE: readonly (readonly [string, string])[] = [
  ['Aynur', 'Айнур'], ['Günel', 'Гюнель'], ['Leyla', 'Лейла'], ['Nərmin', 'Нармин'], ['Səbinə', 'Сабина'], ['Aysel', 'Айсель'], ['Könül', 'Кёнуль'], ['Ülviyyə', 'Ульвия'],
];

function azerbaijaniPart(kind: string, latin: string, russian: string): NamePart {
  const passport = Array.from(latin.toLocaleLowerCase('az')).map((ch) => AZERBAIJANI_PASSPORT[ch] ?? ch).join('').toUpperCase();
  return { key: `azerbaijani:${kind}:${latin}`, forms: { orthography: latin.toLocaleUpperCase('az'), passport, ...cyrillicForms(russian, 'ru-') } };
}

export const azerbaijani: Culture = {
  id: 'azerbaijani',
  nationalities: ['AZE'],
  passport: 'passport',
  surname: (rng, sex) => {
    const [latin, russian] = rng.pick(AZERBAIJANI_SURNAMES);
    return sex === 'F' ? azerbaijaniPart('s', `${latin.slice(0, -1)}va`, `${russian}а`) : azerbaijaniPart('s', latin, russian);
  },
  given: (rng, sex) => {
    const [latin, russian] = rng.pick(sex === 'M' ? AZERBAIJANI_MALE : AZERBAIJANI_FEMALE);
    return azerbaijaniPart('g', latin, russian);
  },
};

/** Kazakh Cyrillic: the passport's romanisation, the Latin alphabet of 2021, and the Russian spelling (the Kazakh letters reduced). */
const KAZAKH_PASSPORT: Readonly<Record<string, string>> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', қ: 'k', л: 'l', м: 'm', н: 'n',
  ң: 'n', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ұ: 'u', ү: 'u', ф: 'f', х: 'kh', һ: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ы: 'y', і: 'i', э: 'e', ю: 'iu', я: 'ia', ь: '', ъ: '',
};
const KAZAKH_LATIN_2021: Readonly<Record<string, string>> = {
  ...KAZAKH_PASSPORT, ә: 'ä', ғ: 'ğ', ж: 'j', и: 'i̇', й: 'i̇', қ: 'q', ң: 'ñ', ө: 'ö', ұ: 'ū', ү: 'ü', х: 'h', ц: 's', ч: 'ç', ш: 'ş', щ: 'ş', ю: 'i̇u', я: 'i̇a',
};
const KAZAKH_TO_RUSSIAN: Readonly<Record<string, string>> = { ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и' };
const KAZAKH_SURNAMES = 'Жұмабаев Нұрланов Қасымов Серікбаев Әбенов Төлеуов Оспанов Сәрсенбаев Ахметов Бекмұхамбетов Есенов Байжанов Құдайбергенов Ержанов Исабеков Жақсылықов Мұратов Сейітов'.split(' ');
const KAZAKH_MALE = 'Нұрлан Ерлан Асхат Бауыржан Дәурен Ерболат Мұрат Сәкен Серік Қайрат Ержан Айдос Дәулет Ғалым Берік'.split(' ');
const KAZAKH_FEMALE = 'Айгүл Гүлнар Әсел Динара Жанар Салтанат Айжан Мөлдір Ақмарал Гүлжан'.split(' ');

function kazakhPart(kind: string, cyrillic: string): NamePart {
  const lower = cyrillic.toLowerCase();
  const russian = Array.from(lower).map((ch) => KAZAKH_TO_RUSSIAN[ch] ?? ch).join('');
  return {
    key: `kazakh:${kind}:${cyrillic}`,
    forms: { kazakh: cyrillic, passport: mapChars(lower, KAZAKH_PASSPORT).toUpperCase(), latin2021: mapChars(lower, KAZAKH_LATIN_2021).toUpperCase(), ...cyrillicForms(russian, 'ru-') },
  };
}

export const kazakh: Culture = {
  id: 'kazakh',
  nationalities: ['KAZ'],
  passport: 'passport',
  surname: (rng, sex) => kazakhPart('s', `${rng.pick(KAZAKH_SURNAMES)}${sex === 'F' ? 'а' : ''}`),
  given: (rng, sex) => kazakhPart('g', rng.pick(sex === 'M' ? KAZAKH_MALE : KAZAKH_FEMALE)),
};
