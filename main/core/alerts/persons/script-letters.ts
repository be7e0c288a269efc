/**
 * Letters of the scripts a list may write names in, as Latin. Latin letters
 * follow Doc 9303 Part 3's MRZ transliteration (Ä→AE, Ö→OE, Ü→UE, ß→SS,
 * Å→AA, Ø→OE, Æ→AE, Œ→OE, Þ→TH, Ĳ→IJ; other marks dropped); the plain
 * stripping some issuers use instead (Ü→U) is the second reading.
 * Cyrillic follows Doc 9303's table (the one passports use today), Armenian
 * the Armenian passport practice, Georgian the national system of 2002, Greek
 * ELOT 743 as Doc 9303 takes it. Other spellings of the same names (MVD,
 * GOST, BGN/PCGN, German, French, Russian forms of Armenian and Georgian
 * names) are reached by the phonetic comparison, not by more tables.
 */

/** Latin letters with their Doc 9303 expansion; the key is the NFC letter. */
export const DOC9303_LATIN: Readonly<Record<string, { readonly icao: string; readonly plain: string }>> = {
  Ä: { icao: 'AE', plain: 'A' },
  Ö: { icao: 'OE', plain: 'O' },
  Ü: { icao: 'UE', plain: 'U' },
  ß: { icao: 'SS', plain: 'SS' },
  ẞ: { icao: 'SS', plain: 'SS' },
  Å: { icao: 'AA', plain: 'A' },
  Ø: { icao: 'OE', plain: 'O' },
  Æ: { icao: 'AE', plain: 'AE' },
  Œ: { icao: 'OE', plain: 'OE' },
  Þ: { icao: 'TH', plain: 'TH' },
  Ĳ: { icao: 'IJ', plain: 'IJ' },
  Ð: { icao: 'D', plain: 'D' },
  Đ: { icao: 'D', plain: 'D' },
  Ł: { icao: 'L', plain: 'L' },
  Ħ: { icao: 'H', plain: 'H' },
  I: { icao: 'I', plain: 'I' },
  İ: { icao: 'I', plain: 'I' },
  Ə: { icao: 'A', plain: 'E' },
};

/** Russian, Ukrainian, Belarusian, Kazakh and other Cyrillic letters, Doc 9303 (2015) table. */
export const CYRILLIC: Readonly<Record<string, string>> = {
  А: 'A', Б: 'B', В: 'V', Г: 'G', Ґ: 'G', Д: 'D', Е: 'E', Ё: 'E', Є: 'IE', Ж: 'ZH', З: 'Z', И: 'I', І: 'I', Ї: 'I', Й: 'I',
  К: 'K', Л: 'L', М: 'M', Н: 'N', О: 'O', П: 'P', Р: 'R', С: 'S', Т: 'T', У: 'U', Ў: 'U', Ф: 'F', Х: 'KH', Ц: 'TS',
  Ч: 'CH', Ш: 'SH', Щ: 'SHCH', Ъ: 'IE', Ы: 'Y', Ь: '', Э: 'E', Ю: 'IU', Я: 'IA',
  // Kazakh and Azerbaijani Cyrillic letters.
  Ә: 'A', Ғ: 'G', Қ: 'Q', Ң: 'N', Ө: 'O', Ұ: 'U', Ү: 'U', Һ: 'H', Ҷ: 'J', Ҹ: 'J', Ҝ: 'G',
};

/** Armenian as Armenian passports write it (Eastern Armenian). */
export const ARMENIAN: Readonly<Record<string, string>> = {
  Ա: 'A', Բ: 'B', Գ: 'G', Դ: 'D', Ե: 'E', Զ: 'Z', Է: 'E', Ը: 'Y', Թ: 'T', Ժ: 'ZH', Ի: 'I', Լ: 'L', Խ: 'KH', Ծ: 'TS',
  Կ: 'K', Հ: 'H', Ձ: 'DZ', Ղ: 'GH', Ճ: 'CH', Մ: 'M', Յ: 'Y', Ն: 'N', Շ: 'SH', Ո: 'O', Չ: 'CH', Պ: 'P', Ջ: 'J', Ռ: 'R',
  Ս: 'S', Վ: 'V', Տ: 'T', Ր: 'R', Ց: 'TS', Ւ: 'V', Փ: 'P', Ք: 'K', Օ: 'O', Ֆ: 'F', ՈՒ: 'U', ԵՎ: 'EV',
};

/** Georgian, the national romanisation of 2002 (Doc 9303 follows it). */
export const GEORGIAN: Readonly<Record<string, string>> = {
  ა: 'A', ბ: 'B', გ: 'G', დ: 'D', ე: 'E', ვ: 'V', ზ: 'Z', თ: 'T', ი: 'I', კ: 'K', ლ: 'L', მ: 'M', ნ: 'N', ო: 'O', პ: 'P',
  ჟ: 'ZH', რ: 'R', ს: 'S', ტ: 'T', უ: 'U', ფ: 'P', ქ: 'K', ღ: 'GH', ყ: 'Q', შ: 'SH', ჩ: 'CH', ც: 'TS', ძ: 'DZ', წ: 'TS',
  ჭ: 'CH', ხ: 'KH', ჯ: 'J', ჰ: 'H',
};

/** Greek, ELOT 743 as Doc 9303 takes it. */
export const GREEK: Readonly<Record<string, string>> = {
  Α: 'A', Β: 'V', Γ: 'G', Δ: 'D', Ε: 'E', Ζ: 'Z', Η: 'I', Θ: 'TH', Ι: 'I', Κ: 'K', Λ: 'L', Μ: 'M', Ν: 'N', Ξ: 'X', Ο: 'O',
  Π: 'P', Ρ: 'R', Σ: 'S', Τ: 'T', Υ: 'Y', Φ: 'F', Χ: 'CH', Ψ: 'PS', Ω: 'O',
};
