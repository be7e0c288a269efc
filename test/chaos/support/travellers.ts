import type { ManualDocumentFields } from '../../../main/common/contract/crossing.js';

export { seededRandom } from '../../../drivers/simulator/seeded-random.js';

/** A seed for this run: SAHMAN_CHAOS_SEED replays a failed run, otherwise a fresh one. */
export function chaosSeed(): number {
  const fromEnv = process.env.SAHMAN_CHAOS_SEED;
  if (fromEnv !== undefined && /^\d+$/.test(fromEnv)) return Number(fromEnv) >>> 0;
  return Math.floor(Math.random() * 2 ** 32) >>> 0;
}

const SYLLABLES = ['KA', 'LO', 'MI', 'RU', 'TEN', 'VAR', 'ZO', 'BEL', 'DRA', 'NOR', 'SIL', 'QUA', 'PEL', 'ORA', 'FEN'];
const ALPHANUMERIC: readonly string[] = Array.from('ABCDEFGHJKLMNPRSTUVWXYZ0123456789');

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function name(random: () => number, syllables: number): string {
  return Array.from({ length: syllables }, () => pick(random, SYLLABLES)).join('');
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * A generated traveller of Utopia (UTO, the ICAO specimen state) with a valid,
 * unexpired passport: never a real person, and a fresh document number each
 * time, so the checks see distinct travellers.
 */
export function utopianTraveller(random: () => number): ManualDocumentFields {
  const documentNumber = Array.from({ length: 9 }, () => pick(random, ALPHANUMERIC)).join('');
  const birthYear = 1950 + Math.floor(random() * 50);
  const expiryYear = 2030 + Math.floor(random() * 9);
  return {
    documentCode: 'P',
    issuingState: 'UTO',
    documentNumber,
    nationality: 'UTO',
    birthDate: `${twoDigits(birthYear % 100)}${twoDigits(1 + Math.floor(random() * 12))}${twoDigits(1 + Math.floor(random() * 28))}`,
    sex: pick(random, ['M', 'F', 'X'] as const),
    expiryDate: `${twoDigits(expiryYear % 100)}${twoDigits(1 + Math.floor(random() * 12))}${twoDigits(1 + Math.floor(random() * 28))}`,
    surname: name(random, 2 + Math.floor(random() * 2)),
    givenNames: `${name(random, 2)} ${name(random, 1 + Math.floor(random() * 2))}`,
  };
}
