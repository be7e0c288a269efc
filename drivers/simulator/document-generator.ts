import { formatMrz, type MrzFormat, type MrzInput } from '../../main/common/icao/index.js';
import { pick, seededRandom } from './seeded-random.js';
import { SIMULATED_ALERT_LIST, generateTraveller, type SimulatedTraveller } from './travellers.js';

export interface DocumentMix {
  readonly formats: readonly MrzFormat[];
  /** Shares from 0 to 1: a check digit broken beyond repair. */
  readonly invalid: number;
  /** Shares from 0 to 1: expiry date before today. */
  readonly expired: number;
  /** Shares from 0 to 1: a digit misread as its look-alike letter, which the MRZ engine repairs. */
  readonly corrected: number;
  /** Shares from 0 to 1: a traveller from SIMULATED_ALERT_LIST. */
  readonly alerts: number;
  readonly seed: number;
}

/** What "Simulate a scan" asks for: one document with exactly this trouble, or none. */
export const SIMULATED_KINDS = ['valid', 'expired', 'ocr-error', 'minor'] as const;
export type SimulatedKind = (typeof SIMULATED_KINDS)[number];

/** The trouble one document gets. */
interface Trouble {
  readonly alert: boolean;
  readonly expired: boolean;
  readonly invalid: boolean;
  readonly correctable: boolean;
}

export interface SimulatedDocument {
  readonly format: MrzFormat;
  readonly lines: readonly string[];
  readonly traveller: SimulatedTraveller;
  readonly invalid: boolean;
  readonly expired: boolean;
  readonly corrected: boolean;
  readonly alert: boolean;
}

/** Valid documents expire well beyond any "expiring soon" warning, so that one shows no notice. */
const VALID_FOR_AT_LEAST_DAYS = 400;

const DOCUMENT_CODES: Record<MrzFormat, string> = { TD1: 'ID', TD2: 'I', TD3: 'P', 'MRV-A': 'V', 'MRV-B': 'V' };
/** Where the document number's check digit sits, as [line, column]. */
const NUMBER_CHECK_DIGIT: Record<MrzFormat, readonly [number, number]> = {
  TD1: [0, 14],
  TD2: [1, 9],
  TD3: [1, 9],
  'MRV-A': [1, 9],
  'MRV-B': [1, 9],
};
/** Where the birth date (YYMMDD) sits, as [line, column]. */
const BIRTH_DATE: Record<MrzFormat, readonly [number, number]> = {
  TD1: [1, 0],
  TD2: [1, 13],
  TD3: [1, 13],
  'MRV-A': [1, 13],
  'MRV-B': [1, 13],
};
const LOOK_ALIKE_LETTER: Readonly<Record<string, string>> = { '0': 'O', '1': 'I', '2': 'Z', '5': 'S', '6': 'G', '8': 'B' };

function addDays(date: Date, days: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + days));
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Between 1 and 17 years before today: under 18 whatever the day. */
function minorBirthDate(random: () => number, today: Date): string {
  return isoDay(addDays(today, -(366 + Math.floor(random() * 16 * 365))));
}

function replaceAt(line: string, column: number, character: string): string {
  return line.slice(0, column) + character + line.slice(column + 1);
}

/** Realistic documents in every ICAO format, with the configured shares of trouble. */
export class DocumentGenerator {
  private readonly random: () => number;
  private serial = 0;

  constructor(
    private readonly mix: DocumentMix,
    private readonly today: () => Date = () => new Date(),
  ) {
    this.random = seededRandom(mix.seed);
  }

  /** The next document of the configured mix. */
  next(): SimulatedDocument {
    const random = this.random;
    const { format, traveller: generated } = this.nextTraveller();
    const alert = random() < this.mix.alerts;
    const traveller = alert ? pick(random, SIMULATED_ALERT_LIST) : generated;
    const expired = random() < this.mix.expired;
    const trouble = random();
    const invalid = trouble < this.mix.invalid;
    const correctable = !invalid && trouble < this.mix.invalid + this.mix.corrected;
    const today = this.today();
    const expiry = expired ? addDays(today, -1 - Math.floor(random() * 1500)) : addDays(today, 30 + Math.floor(random() * 3600));
    return this.render(format, traveller, expiry, { alert, expired, invalid, correctable });
  }

  /**
   * The next document, of exactly this kind, for "Simulate a scan": a generated
   * traveller (never one of the alert list), and a valid one well clear of any
   * "expiring soon" or under-age notice, so that each kind shows its one trouble.
   */
  nextOfKind(kind: SimulatedKind): SimulatedDocument {
    const random = this.random;
    const { format, traveller: generated } = this.nextTraveller();
    const today = this.today();
    const traveller = kind === 'minor' ? { ...generated, birthDate: minorBirthDate(random, today) } : generated;
    const expired = kind === 'expired';
    const expiry = expired ? addDays(today, -1 - Math.floor(random() * 1500)) : addDays(today, VALID_FOR_AT_LEAST_DAYS + Math.floor(random() * 3200));
    return this.render(format, traveller, expiry, { alert: false, expired, invalid: false, correctable: kind === 'ocr-error' });
  }

  private nextTraveller(): { format: MrzFormat; traveller: SimulatedTraveller } {
    const format = this.mix.formats[this.serial % this.mix.formats.length] ?? 'TD3';
    const traveller = generateTraveller(this.random, this.serial);
    this.serial += 1;
    return { format, traveller };
  }

  private render(format: MrzFormat, traveller: SimulatedTraveller, expiry: Date, trouble: Trouble): SimulatedDocument {
    const input: MrzInput = {
      documentCode: DOCUMENT_CODES[format],
      issuingState: 'UTO',
      documentNumber: traveller.documentNumber,
      nationality: traveller.nationality,
      birthDate: traveller.birthDate,
      sex: traveller.sex,
      expiryDate: isoDay(expiry),
      surname: traveller.surname,
      givenNames: traveller.givenNames,
    };
    let lines = formatMrz(input, format).split('\n');
    if (trouble.invalid) lines = this.breakCheckDigit(lines, format);
    const corrected = trouble.correctable && this.misreadDigit(lines, format);
    return { format, lines, traveller, invalid: trouble.invalid, expired: trouble.expired, corrected, alert: trouble.alert };
  }

  /** Changes the document number's check digit: no OCR repair can explain it. */
  private breakCheckDigit(lines: string[], format: MrzFormat): string[] {
    const [row, column] = NUMBER_CHECK_DIGIT[format];
    const line = lines[row] ?? '';
    const digit = Number(line.charAt(column));
    const wrong = String((Number.isNaN(digit) ? 0 : digit + 1 + Math.floor(this.random() * 8)) % 10);
    lines[row] = replaceAt(line, column, wrong);
    return lines;
  }

  /** Prints one birth-date digit as its look-alike letter, as a worn OCR font reads; false if none has one. */
  private misreadDigit(lines: string[], format: MrzFormat): boolean {
    const [row, column] = BIRTH_DATE[format];
    const line = lines[row] ?? '';
    for (let offset = 0; offset < 6; offset++) {
      const letter = LOOK_ALIKE_LETTER[line.charAt(column + offset)];
      if (letter !== undefined) {
        lines[row] = replaceAt(line, column + offset, letter);
        return true;
      }
    }
    return false;
  }
}
