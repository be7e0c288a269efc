import { jaroWinkler } from '@skyra/jaro-winkler';

/**
 * How far apart two sound strings (phonetic-form.ts) are, as a weighted edit
 * distance whose cheap steps are the differences transliteration systems
 * make: vowels written differently, a glide written or not (E/YE, IA/YA),
 * H dropped or written G (Russian forms of Armenian and Azerbaijani names),
 * voicing swapped (Western against Eastern Armenian), one sibilant spelled as
 * another. A step that costs a full 1 is a typing or reading difference.
 */
const VOWELS = new Set(['A', 'E', 'I', 'O', 'U', 'Y']);

const CLOSE: readonly (readonly [string, string, number])[] = [
  ['I', 'Y', 0.15],
  ['A', 'O', 0.3],
  ['E', 'I', 0.3],
  ['O', 'U', 0.3],
  ['B', 'P', 0.3],
  ['D', 'T', 0.3],
  ['G', 'K', 0.3],
  ['S', 'Z', 0.3],
  ['x', 'z', 0.3],
  ['c', 'j', 0.3],
  ['d', 't', 0.3],
  ['d', 'Z', 0.35],
  ['F', 'V', 0.3],
  ['F', 'P', 0.4],
  ['V', 'U', 0.35],
  ['h', 'H', 0.2],
  ['h', 'K', 0.35],
  ['h', 'c', 0.35],
  ['h', 'G', 0.4],
  ['H', 'G', 0.3],
  ['x', 'q', 0.25],
  ['x', 'S', 0.3],
  ['x', 'c', 0.3],
  ['q', 'c', 0.3],
  ['q', 'S', 0.4],
  ['c', 't', 0.3],
  ['t', 'S', 0.35],
  ['t', 'Z', 0.3],
  ['t', 'T', 0.4],
  ['z', 'Z', 0.3],
  ['z', 'j', 0.2],
  ['j', 'Y', 0.2],
  ['j', 'I', 0.2],
  ['x', 'j', 0.3],
  ['j', 'd', 0.3],
  ['j', 'G', 0.35],
  ['k', 'K', 0.2],
  ['k', 'S', 0.3],
  ['k', 't', 0.25],
  ['k', 'c', 0.25],
  ['k', 'j', 0.25],
];

const SUBSTITUTION = new Map<string, number>();
for (const [a, b, cost] of CLOSE) {
  SUBSTITUTION.set(a + b, cost);
  SUBSTITUTION.set(b + a, cost);
}

/** Letters a system may write or leave out. */
const OPTIONAL: ReadonlyMap<string, number> = new Map([
  ['H', 0.3],
  ['Y', 0.25],
  ['I', 0.3],
  ['j', 0.4],
  ['V', 0.5],
  ['h', 0.5],
  ['G', 0.6],
]);

const VOWEL_GAP = 0.4;
const TRANSPOSITION = 0.6;
/** At or above this, a step is a typing difference, not a spelling system's. */
const EDIT_STEP = 0.6;

function substitution(a: string, b: string): number {
  if (a === b) return 0;
  const close = SUBSTITUTION.get(a + b);
  if (close !== undefined) return close;
  return VOWELS.has(a) && VOWELS.has(b) ? 0.35 : 1;
}

function gap(sound: string): number {
  return OPTIONAL.get(sound) ?? (VOWELS.has(sound) ? VOWEL_GAP : 1);
}

export interface SoundDistance {
  readonly cost: number;
  /** Whether any step was a typing difference rather than a spelling system's. */
  readonly edited: boolean;
}

/** Weighted Damerau-Levenshtein distance between two sound strings. */
export function soundDistance(a: string, b: string): SoundDistance {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const cost = new Float64Array(rows * cols);
  const edited = new Uint8Array(rows * cols);
  for (let i = 1; i < rows; i += 1) {
    const step = gap(a[i - 1] ?? '');
    cost[i * cols] = (cost[(i - 1) * cols] ?? 0) + step;
    edited[i * cols] = (edited[(i - 1) * cols] ?? 0) | (step >= EDIT_STEP ? 1 : 0);
  }
  for (let j = 1; j < cols; j += 1) {
    const step = gap(b[j - 1] ?? '');
    cost[j] = (cost[j - 1] ?? 0) + step;
    edited[j] = (edited[j - 1] ?? 0) | (step >= EDIT_STEP ? 1 : 0);
  }
  for (let i = 1; i < rows; i += 1) {
    const x = a[i - 1] ?? '';
    for (let j = 1; j < cols; j += 1) {
      const y = b[j - 1] ?? '';
      const here = i * cols + j;
      const sub = substitution(x, y);
      let best = (cost[here - cols - 1] ?? 0) + sub;
      let bestEdited = (edited[here - cols - 1] ?? 0) | (sub >= EDIT_STEP ? 1 : 0);
      const del = gap(x);
      if ((cost[here - cols] ?? 0) + del < best) {
        best = (cost[here - cols] ?? 0) + del;
        bestEdited = (edited[here - cols] ?? 0) | (del >= EDIT_STEP ? 1 : 0);
      }
      const ins = gap(y);
      if ((cost[here - 1] ?? 0) + ins < best) {
        best = (cost[here - 1] ?? 0) + ins;
        bestEdited = (edited[here - 1] ?? 0) | (ins >= EDIT_STEP ? 1 : 0);
      }
      if (i > 1 && j > 1 && x === b[j - 2] && a[i - 2] === y && x !== y) {
        const swapped = (cost[here - 2 * cols - 2] ?? 0) + TRANSPOSITION;
        if (swapped < best) {
          best = swapped;
          bestEdited = 1;
        }
      }
      cost[here] = best;
      edited[here] = bestEdited;
    }
  }
  return { cost: cost[rows * cols - 1] ?? 0, edited: (edited[rows * cols - 1] ?? 0) === 1 };
}

export type PartHow = 'exact' | 'transliteration' | 'edit';

export interface PartSimilarity {
  readonly similarity: number;
  readonly how: PartHow;
}

/**
 * How alike two sound strings are, 0 to 1. A typing difference in the
 * spelling (not the sound) is also measured with Jaro-Winkler on the letters,
 * which forgives a slip near the end of a long name more than one at its start.
 */
export function soundSimilarity(a: string, b: string, lettersA: string, lettersB: string): PartSimilarity {
  if (lettersA === lettersB) return { similarity: 1, how: 'exact' };
  if (a === b) return { similarity: 0.97, how: 'transliteration' };
  const { cost, edited } = soundDistance(a, b);
  const longer = Math.max(a.length, b.length, 1);
  const bySound = Math.max(0, 1 - cost / longer);
  if (!edited) return { similarity: Math.min(0.96, bySound), how: 'transliteration' };
  // Jaro-Winkler over-rewards a shared start on short strings: it only counts for names of five letters and more.
  const byLetters = Math.min(lettersA.length, lettersB.length) >= 5 ? jaroWinkler(lettersA, lettersB) - 0.06 : 0;
  return { similarity: Math.min(0.94, Math.max(bySound, byLetters)), how: 'edit' };
}
