/**
 * Russian Cyrillic to Latin by the systems a listed name may have gone through.
 * Tables typed from the published standards (see README): ICAO Doc 9303 Part 3
 * (Russian passports since 2013), MVD 2006 (GOST R 52535.1-2006), MVD 2010,
 * GOST 7.79-2000 System B, BGN/PCGN 1947, German (Duden) and French practice.
 */
export const CYRILLIC_SYSTEMS = ['icao', 'mvd2006', 'mvd2010', 'gost779b', 'bgn', 'german', 'french'] as const;
export type CyrillicSystem = (typeof CYRILLIC_SYSTEMS)[number];

const ICAO: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p',
  р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
};

const OVERRIDES: Readonly<Record<CyrillicSystem, Readonly<Record<string, string>>>> = {
  icao: {},
  mvd2006: { ц: 'tc', ъ: '' },
  mvd2010: { й: 'y', ю: 'yu', я: 'ya', ъ: '' },
  gost779b: { ё: 'yo', й: 'j', х: 'x', ц: 'cz', щ: 'shh', ъ: '``', ы: "y'", ь: '`', э: "e'", ю: 'yu', я: 'ya' },
  bgn: { ё: 'ë', й: 'y', ъ: '″', ь: '′', ю: 'yu', я: 'ya' },
  german: { в: 'w', ё: 'jo', ж: 'sch', з: 's', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch', ъ: '', ю: 'ju', я: 'ja' },
  french: { ё: 'io', ж: 'j', й: 'ï', у: 'ou', ч: 'tch', ш: 'ch', щ: 'chtch', ъ: '', ю: 'iou', я: 'ia' },
};

const VOWELS = new Set(Array.from('аеёиоуыэюя'));
const SOFTENERS = new Set(Array.from('ьъй'));

function letter(system: CyrillicSystem, ch: string, prev: string, next: string): string {
  const iotated = prev === '' || VOWELS.has(prev) || SOFTENERS.has(prev);
  switch (system) {
    case 'gost779b':
      if (ch === 'ц' && 'иеыйi'.includes(next) && next !== '') return 'c';
      break;
    case 'bgn':
      if (ch === 'е') return iotated ? 'ye' : 'e';
      if (ch === 'ё') return iotated ? 'yë' : 'ë';
      break;
    case 'german':
      if (ch === 'е') return iotated ? 'je' : 'e';
      if (ch === 'ё') return 'жчшщ'.includes(prev) && prev !== '' ? 'o' : 'jo';
      if (ch === 'й') return next === '' && (prev === 'и' || prev === 'ы') ? '' : VOWELS.has(next) ? 'j' : 'i';
      if (ch === 'с' && VOWELS.has(prev) && VOWELS.has(next)) return 'ss';
      break;
    case 'french':
      if (ch === 'е') return iotated && prev !== '' ? 'ie' : 'e';
      if (ch === 'ё') return 'жчшщ'.includes(prev) && prev !== '' ? 'o' : 'io';
      if (ch === 'й') return next === '' && (prev === 'и' || prev === 'ы') ? '' : 'ï';
      if (ch === 'г' && 'еиы'.includes(next) && next !== '') return 'gu';
      if (ch === 'с' && VOWELS.has(prev) && VOWELS.has(next)) return 'ss';
      break;
    default:
      break;
  }
  return OVERRIDES[system][ch] ?? ICAO[ch] ?? ch;
}

/** One Cyrillic name (words, hyphens kept) in one system, upper case, before any MRZ folding. */
export function transliterate(cyrillic: string, system: CyrillicSystem): string {
  const chars = Array.from(cyrillic.toLowerCase());
  let out = '';
  chars.forEach((ch, i) => {
    const prev = chars[i - 1] ?? '';
    const next = chars[i + 1] ?? '';
    const isLetter = ch in ICAO;
    out += isLetter ? letter(system, ch, /\p{L}/u.test(prev) ? prev : '', /\p{L}/u.test(next) ? next : '') : ch;
  });
  return out.toUpperCase();
}

/** The forms of a Cyrillic name: the Cyrillic itself, and one per system, keyed `prefix + system`. */
export function cyrillicForms(cyrillic: string, prefix = ''): Record<string, string> {
  const forms: Record<string, string> = { [`${prefix}cyrillic`]: cyrillic };
  for (const system of CYRILLIC_SYSTEMS) forms[`${prefix}${system}`] = transliterate(cyrillic, system);
  return forms;
}
