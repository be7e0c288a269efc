/**
 * Coarse keys that spellings of one name share, so that a check looks only at
 * the listed persons who have a word like one of the traveller's, never at
 * the whole list. A key is the first three consonant classes of a word's
 * sounds (phonetic-form.ts), vowels and the letters systems drop (H, Y)
 * left out, V with the labials (-OV, -OW, -OFF); a sound that reads two ways
 * (a bare C as K or S, G as G or left out as Russian does for H) gives both
 * keys. A second key skips the first class, so that a slip in the first
 * consonant, or a first consonant one system writes and another drops
 * (HOVHANNES, OGANES), still finds the word.
 */
const CLASS: Readonly<Record<string, readonly string[]>> = {
  P: ['P'], B: ['P'], F: ['P'], V: ['P'],
  T: ['T'], D: ['T'],
  K: ['K'], G: ['K', ''], h: ['K', ''], k: ['K', 'S'], c: ['S', 'K'],
  S: ['S'], Z: ['S'], x: ['S'], q: ['S'], z: ['S'], j: ['S', ''], t: ['S'], d: ['S'],
  M: ['M'], N: ['N'], L: ['L'], R: ['R'],
};

const KEY_CLASSES = 3;
const MAX_SPELLINGS = 8;

function classSequences(sounds: string): string[] {
  let sequences = [''];
  for (const sound of sounds) {
    const classes = CLASS[sound];
    if (classes === undefined) continue;
    const next = new Set<string>();
    for (const sequence of sequences) {
      for (const cls of classes) {
        const grown = cls === '' || sequence.endsWith(cls) ? sequence : sequence + cls;
        next.add(grown.slice(0, KEY_CLASSES + 1));
      }
    }
    sequences = [...next].slice(0, MAX_SPELLINGS);
  }
  return sequences;
}

/** The blocking keys of one word (or joined words), given its sound strings. */
export function blockingKeys(sounds: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const form of sounds) {
    for (const sequence of classSequences(form)) {
      if (sequence !== '') keys.add(sequence.slice(0, KEY_CLASSES));
      // A one-class rest (IVANOV without its first class) would gather half the list.
      if (sequence.length > 2) keys.add(sequence.slice(1, KEY_CLASSES + 1));
    }
  }
  return [...keys];
}
