/**
 * Names as Doc 9303 Part 3 writes them in an MRZ: the Latin letters with
 * diacritics by its table (Ä AE, Ö OE, Ü UE, ß SS, Å AA, Ø OE…), every other
 * mark dropped, apostrophes removed, hyphens and other punctuation a space.
 */
const ICAO_LATIN: Readonly<Record<string, string>> = {
  Ä: 'AE', Ö: 'OE', Ü: 'UE', ß: 'SS', ẞ: 'SS', Å: 'AA', Ø: 'OE', Æ: 'AE', Œ: 'OE', Þ: 'TH', Ð: 'D', Đ: 'D',
  Ł: 'L', Ħ: 'H', Ŀ: 'L', Ĳ: 'IJ', Ŋ: 'N', İ: 'I', ı: 'I', Ə: 'A', ə: 'A',
};

/** The plain stripping some issuers use instead: every mark dropped (Ü U, Ö O, Å A, Ø O). */
const PLAIN_LATIN: Readonly<Record<string, string>> = {
  ß: 'SS', ẞ: 'SS', Ø: 'O', Æ: 'AE', Œ: 'OE', Þ: 'TH', Ð: 'D', Đ: 'D', Ł: 'L', Ħ: 'H', Ŀ: 'L', Ĳ: 'IJ', Ŋ: 'N', İ: 'I', ı: 'I', Ə: 'A', ə: 'A',
};

function foldWith(name: string, table: Readonly<Record<string, string>>): string {
  let out = '';
  for (const ch of name.normalize('NFC')) {
    const upper = ch === 'ß' || ch === 'ı' || ch === 'ə' ? ch : ch.toUpperCase();
    const mapped = table[upper] ?? table[ch];
    out += mapped ?? upper;
  }
  return out
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’‘`´ʼʻ″′"]/gu, '')
    .replace(/[^A-Z]+/g, ' ')
    .trim()
    .replace(/ +/g, ' ');
}

/** Doc 9303 folding: what an MRZ shows for a Latin-script name. */
export function foldIcao(name: string): string {
  return foldWith(name, ICAO_LATIN);
}

/** Plain stripping of marks (Ü U), as some issuers print. */
export function foldPlain(name: string): string {
  return foldWith(name, PLAIN_LATIN);
}

/** The TD3 name field's width. */
export const TD3_NAME_LENGTH = 39;

/** The TD3 name field, SURNAME<<GIVEN<NAMES, cut at the end as the MRZ cuts it, read back as names. */
export function cutToMrz(surname: string, givenNames: string, width = TD3_NAME_LENGTH): { surname: string; givenNames: string } {
  const field = `${surname.replace(/ /g, '<')}<<${givenNames.replace(/ /g, '<')}`.slice(0, width);
  const [cutSurname = '', cutGiven = ''] = field.split('<<');
  const read = (part: string): string => part.replace(/<+/g, ' ').trim();
  return { surname: read(cutSurname), givenNames: read(cutGiven) };
}

/** The TD3 field's length for these names, uncut. */
export function mrzFieldLength(surname: string, givenNames: string): number {
  return surname.length + 2 + givenNames.length;
}
