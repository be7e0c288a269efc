/**
 * Generated travellers for the simulator: names built from syllables, documents of the ICAO
 * specimen state Utopia (UTO). Never real people.
 */
import { pick } from './seeded-random.js';

export interface SimulatedTraveller {
  readonly surname: string;
  readonly givenNames: string;
  /** YYYY-MM-DD */
  readonly birthDate: string;
  readonly sex: 'M' | 'F' | 'X';
  readonly documentNumber: string;
  readonly nationality: string;
}

const SYLLABLES = ['AN', 'NA', 'MA', 'RI', 'KO', 'SE', 'LU', 'TA', 'BER', 'VAL', 'DE', 'MI', 'KA', 'ZU', 'OR', 'EL', 'TE', 'NO'];
/**
 * Characters OCR never confuses with another (no O/D/0, I/1, Z/2, S/5, G/6, B/8), so that a
 * document made invalid on purpose cannot be "repaired" by the MRZ engine's check-digit correction.
 */
const UNCONFUSABLE = Array.from('3479ACEFHJKLMNPQRTUVWXY');

function word(random: () => number, syllables: number): string {
  let text = '';
  for (let index = 0; index < syllables; index++) text += pick(random, SYLLABLES);
  return text;
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A traveller with a document number unique to `serial`. */
export function generateTraveller(random: () => number, serial: number): SimulatedTraveller {
  let documentNumber = '';
  let rest = serial;
  for (let index = 0; index < 5; index++) {
    documentNumber = (UNCONFUSABLE[rest % UNCONFUSABLE.length] ?? 'A') + documentNumber;
    rest = Math.floor(rest / UNCONFUSABLE.length);
  }
  for (let index = 0; index < 4; index++) documentNumber = pick(random, UNCONFUSABLE) + documentNumber;
  return {
    surname: word(random, 2 + Math.floor(random() * 2)),
    givenNames: random() < 0.3 ? `${word(random, 2)} ${word(random, 2)}` : word(random, 2),
    birthDate: isoDate(1945 + Math.floor(random() * 60), 1 + Math.floor(random() * 12), 1 + Math.floor(random() * 28)),
    sex: pick(random, ['M', 'F', 'X'] as const),
    documentNumber,
    nationality: 'UTO',
  };
}

/**
 * The simulator's alert list: generated travellers a demo watchlist can hold, so that `alerts=0.1`
 * makes one document in ten belong to someone the core should flag.
 */
export const SIMULATED_ALERT_LIST: readonly SimulatedTraveller[] = [
  { surname: 'KAVALORI', givenNames: 'TENO', birthDate: '1971-03-14', sex: 'M', documentNumber: 'XK7Q4A9LC', nationality: 'UTO' },
  { surname: 'MIZUDERA', givenNames: 'ANA RIKO', birthDate: '1988-11-02', sex: 'F', documentNumber: 'XK7Q4A9LE', nationality: 'UTO' },
  { surname: 'SELUNAR', givenNames: 'ORVAL', birthDate: '1965-07-29', sex: 'M', documentNumber: 'XK7Q4A9LF', nationality: 'UTO' },
  { surname: 'TANORIEL', givenNames: 'MAKA', birthDate: '1993-01-09', sex: 'X', documentNumber: 'XK7Q4A9LH', nationality: 'UTO' },
];
