import { ARMENIAN, CYRILLIC, DOC9303_LATIN, GEORGIAN, GREEK } from './script-letters.js';

/** Georgian Mtavruli capitals (U+1C90…) are the Mkhedruli letters (U+10D0…) written large. */
const MTAVRULI_OFFSET = 0x1c90 - 0x10d0;

function letterOf(char: string): { icao: string; plain: string } | undefined {
  const latin = DOC9303_LATIN[char];
  if (latin !== undefined) return latin;
  const code = char.codePointAt(0) ?? 0;
  const georgian = GEORGIAN[code >= 0x1c90 && code <= 0x1cbf ? String.fromCodePoint(code - MTAVRULI_OFFSET) : char];
  // Greek written in lower case carries its accents (ό, έ, ΐ); the table has the bare capitals.
  const other = georgian ?? CYRILLIC[char] ?? ARMENIAN[char] ?? GREEK[char] ?? GREEK[char.normalize('NFD').replace(/\p{M}/gu, '')];
  return other === undefined ? undefined : { icao: other, plain: other };
}

/** Armenian writes U and EV with two letters; they are read first. */
const ARMENIAN_DIGRAPHS = /ՈՒ|ԵՎ/g;

/**
 * A listed name as an MRZ would write it: letters A-Z and single spaces.
 * Doc 9303 folding (the first form), and the plain stripping of marks that
 * some issuers use (the second, when it differs). Apostrophes vanish
 * (D'AMICO → DAMICO); hyphens and other separators become spaces.
 */
export function foldName(raw: string): string[] {
  const upper = raw.normalize('NFC').toLocaleUpperCase('en-US').replace(ARMENIAN_DIGRAPHS, (pair) => ` ${ARMENIAN[pair] ?? ''} `.trim());
  let icao = '';
  let plain = '';
  for (const char of upper) {
    if (/[A-Z]/.test(char)) {
      icao += char;
      plain += char;
      continue;
    }
    // A mark NFC could not put onto its letter (a stress mark on Cyrillic А́) is dropped like the others, not a word break.
    if (/['’ʼ`´‘]|^\p{M}$/u.test(char)) continue;
    const letter = letterOf(char);
    if (letter !== undefined) {
      icao += letter.icao;
      plain += letter.plain;
      continue;
    }
    const stripped = char.normalize('NFD').replace(/\p{M}/gu, '');
    if (/^[A-Z]+$/.test(stripped)) {
      icao += stripped;
      plain += stripped;
    } else {
      icao += ' ';
      plain += ' ';
    }
  }
  const tidy = (text: string): string => text.replace(/\s+/g, ' ').trim();
  const forms = [tidy(icao), tidy(plain)].filter((form) => form !== '');
  return [...new Set(forms)];
}
