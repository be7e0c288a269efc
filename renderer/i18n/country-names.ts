import getCountryISO2 from 'country-iso-3-to-2';
import type { Language } from './languages.js';
import { regionNames } from './intl-polyfills.js';

/**
 * Codes that Doc 9303 adds beyond ISO 3166-1, which Intl cannot name. Named
 * here in each language, because they appear on real documents (the specimen
 * state Utopia on every ICAO sample, D for Germany, the refugee and stateless codes).
 */
const DOC_9303_NAMES: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
  UTO: { hy: 'Ուտոպիա', ru: 'Утопия', en: 'Utopia' },
  D: { hy: 'Գերմանիա', ru: 'Германия', en: 'Germany' },
  EUE: { hy: 'Եվրոպական միություն', ru: 'Европейский союз', en: 'European Union' },
  UNO: { hy: 'Միավորված ազգերի կազմակերպություն', ru: 'Организация Объединённых Наций', en: 'United Nations' },
  UNA: { hy: 'ՄԱԿ-ի մասնագիտացված գործակալություն', ru: 'Специализированное учреждение ООН', en: 'United Nations specialised agency' },
  UNK: { hy: 'Կոսովո (ՄԱԿ-ի առաքելություն)', ru: 'Косово (миссия ООН)', en: 'Kosovo (UN mission)' },
  RKS: { hy: 'Կոսովո', ru: 'Косово', en: 'Kosovo' },
  XXA: { hy: 'Քաղաքացիություն չունեցող անձ', ru: 'Лицо без гражданства', en: 'Stateless person' },
  XXB: { hy: 'Փախստական', ru: 'Беженец', en: 'Refugee' },
  XXC: { hy: 'Փախստական (այլ)', ru: 'Беженец (иное)', en: 'Refugee (other)' },
  XXX: { hy: 'Չնշված քաղաքացիություն', ru: 'Гражданство не указано', en: 'Unspecified nationality' },
  GBD: { hy: 'Բրիտանական անդրծովյան տարածք', ru: 'Британская заморская территория', en: 'British Overseas Territories citizen' },
  GBN: { hy: 'Բրիտանացի (անդրծովյան)', ru: 'Британский подданный (заморский)', en: 'British National (Overseas)' },
  GBO: { hy: 'Բրիտանացի անդրծովյան քաղաքացի', ru: 'Британский заморский гражданин', en: 'British Overseas citizen' },
  GBP: { hy: 'Բրիտանական պաշտպանյալ անձ', ru: 'Лицо под защитой Британии', en: 'British protected person' },
  GBS: { hy: 'Բրիտանական հպատակ', ru: 'Британский подданный', en: 'British subject' },
};

/** The issuing state's or nationality's name in the language; the code itself when nothing names it. */
export function countryName(code: string, language: Language): string {
  const special = DOC_9303_NAMES[code];
  if (special !== undefined) return special[language];
  const alpha2 = getCountryISO2(code);
  if (alpha2 === undefined) return code;
  return regionNames(language).of(alpha2) ?? code;
}
