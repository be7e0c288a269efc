/**
 * A name part as a string of sounds, one symbol each, so that the spellings
 * different transliteration systems give one letter (Щ as SHCH, SCHTSCH,
 * CHTCH, SHH; Ч as CH, TSCH, TCH; Ж as ZH, J, SCH…) become one symbol, or two
 * symbols that part-similarity.ts counts as close. Upper-case symbols are
 * the Latin letters' own sounds; lower-case ones stand for sounds Latin
 * spells with several letters:
 *   q щ (SHCH)   x ш (SH, SCH, SZ)   c ч (CH, TCH, TSCH)   z ж (ZH)
 *   j дж (J, DZH, DJ, DSCH)   t ц (TS, TZ, CZ)   d дз (DZ)   h х (KH)
 *   k a bare C, whose sound depends on the language (K, S, TS or DZH).
 * TC is Ц in the MVD's 2006 table; DS is ДЗ in the German one.
 */
const GRAPHEMES: readonly (readonly [string, string])[] = [
  ['SCHTSCH', 'q'],
  ['SHTSCH', 'q'],
  ['CHTCH', 'q'],
  ['SHCH', 'q'],
  ['SZCZ', 'q'],
  ['TSCH', 'c'],
  ['DSCH', 'j'],
  ['TCH', 'c'],
  ['DZH', 'j'],
  ['TC', 't'],
  ['SCH', 'x'],
  ['DJ', 'j'],
  ['DZ', 'd'],
  ['DS', 'd'],
  ['SH', 'x'],
  ['SZ', 'x'],
  ['ZH', 'z'],
  ['KH', 'h'],
  ['CH', 'c'],
  ['CZ', 't'],
  ['TS', 't'],
  ['TZ', 't'],
  ['PH', 'F'],
  ['TH', 'T'],
  ['GH', 'G'],
  ['CK', 'K'],
  ['OU', 'U'],
  ['J', 'j'],
  ['W', 'V'],
  ['Q', 'K'],
  ['C', 'k'],
];

/** Arabic articles written onto the name (ALRASHID, ARRASHID, ELSAYED, ASSAYED); an assimilated article's doubled letter is the name's own. */
const JOINED_ARTICLE = /^(?:AL|EL|UL|A(?=([DNRSTZ])\1)|E(?=([DNRSTZ])\2))(?=[A-Z]{3,})/;
const MAC = /^MAC(?=[A-Z]{3,})/;

function sounds(letters: string): string {
  // Doubled letters carry no difference between systems (HOSSEINI/HOSEINI, MAMMADOV/MAMEDOV).
  const single = letters.replace(/([A-Z])\1+/g, '$1');
  let out = '';
  let at = 0;
  outer: while (at < single.length) {
    for (const [spelling, sound] of GRAPHEMES) {
      if (single.startsWith(spelling, at)) {
        out += sound;
        at += spelling.length;
        continue outer;
      }
    }
    out += single[at] ?? '';
    at += 1;
  }
  return out;
}

/**
 * The sound strings of one folded name part (A-Z): usually one; more when a
 * letter reads differently by system (X as KS in ALEXANDER, as KH in
 * Azerbaijani XALILOV) or an article is written onto the name.
 */
export function phoneticForms(part: string): string[] {
  const base = part.replace(MAC, 'MC');
  const spellings = new Set([base]);
  const stripped = base.replace(JOINED_ARTICLE, '');
  if (stripped !== base) spellings.add(stripped);
  const forms = new Set<string>();
  for (const spelling of spellings) {
    forms.add(sounds(spelling.replace(/X/g, 'KS')));
    if (spelling.includes('X')) forms.add(sounds(spelling.replace(/X/g, 'KH')));
  }
  return [...forms];
}
