/**
 * The specimen zones ICAO Doc 9303 prints (Utopia, fictional holders), with what each must read as.
 * Parts 4-7 give one specimen per format; Part 11, Appendix D.2 gives long document numbers on TD1
 * and TD2; the sixth edition of Part 4 (Doc 9303 Part 1, 2006) gave an 8-character passport number.
 */
import type { MrzFields, MrzFormat } from '../../../../../main/common/icao/index.js';

export interface Specimen {
  readonly source: string;
  readonly format: MrzFormat;
  readonly lines: readonly string[];
  readonly fields: MrzFields;
}

const ERIKSSON = { surname: 'ERIKSSON', givenNames: 'ANNA MARIA' } as const;

export const SPECIMENS: readonly Specimen[] = [
  {
    source: 'Doc 9303 Part 4 (TD3 passport)',
    format: 'TD3',
    lines: ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'],
    fields: {
      documentCode: 'P',
      issuingState: 'UTO',
      documentNumber: 'L898902C3',
      nationality: 'UTO',
      birthDate: '740812',
      sex: 'F',
      expiryDate: '120415',
      ...ERIKSSON,
      optionalData: 'ZE184226B',
      birthDateIso: '1974-08-12',
      expiryDateIso: '2012-04-15',
    },
  },
  {
    source: 'Doc 9303 Part 1 Vol. 1, 6th edition (TD3 passport, 8-character number)',
    format: 'TD3',
    lines: ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C<3UTO6908061F9406236ZE184226B<<<<<14'],
    fields: {
      documentCode: 'P',
      issuingState: 'UTO',
      documentNumber: 'L898902C',
      nationality: 'UTO',
      birthDate: '690806',
      sex: 'F',
      expiryDate: '940623',
      ...ERIKSSON,
      optionalData: 'ZE184226B',
      birthDateIso: '1969-08-06',
      expiryDateIso: '1994-06-23',
    },
  },
  {
    source: 'Doc 9303 Part 5 (TD1 card)',
    format: 'TD1',
    lines: ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'],
    fields: {
      documentCode: 'I',
      issuingState: 'UTO',
      documentNumber: 'D23145890',
      nationality: 'UTO',
      birthDate: '740812',
      sex: 'F',
      expiryDate: '120415',
      ...ERIKSSON,
      optionalData: '',
      optionalData2: '',
      birthDateIso: '1974-08-12',
      expiryDateIso: '2012-04-15',
    },
  },
  {
    source: 'Doc 9303 Part 11, Appendix D.2 (TD1 card, 12-character number)',
    format: 'TD1',
    lines: ['I<UTOD23145890<7349<<<<<<<<<<<', '3407127M9507122UTO<<<<<<<<<<<2', 'STEVENSON<<PETER<JOHN<<<<<<<<<'],
    fields: {
      documentCode: 'I',
      issuingState: 'UTO',
      documentNumber: 'D23145890734',
      nationality: 'UTO',
      birthDate: '340712',
      sex: 'M',
      expiryDate: '950712',
      surname: 'STEVENSON',
      givenNames: 'PETER JOHN',
      optionalData: '',
      optionalData2: '',
      birthDateIso: '1934-07-12',
      expiryDateIso: '1995-07-12',
    },
  },
  {
    source: 'Doc 9303 Part 6 (TD2 card)',
    format: 'TD2',
    lines: ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'],
    fields: {
      documentCode: 'I',
      issuingState: 'UTO',
      documentNumber: 'D23145890',
      nationality: 'UTO',
      birthDate: '740812',
      sex: 'F',
      expiryDate: '120415',
      ...ERIKSSON,
      optionalData: '',
      birthDateIso: '1974-08-12',
      expiryDateIso: '2012-04-15',
    },
  },
  {
    source: 'Doc 9303 Part 11, Appendix D.2 (TD2 card, 12-character number)',
    format: 'TD2',
    lines: ['I<UTOSTEVENSON<<PETER<JOHN<<<<<<<<<<', 'D23145890<UTO3407127M95071227349<<<8'],
    fields: {
      documentCode: 'I',
      issuingState: 'UTO',
      documentNumber: 'D23145890734',
      nationality: 'UTO',
      birthDate: '340712',
      sex: 'M',
      expiryDate: '950712',
      surname: 'STEVENSON',
      givenNames: 'PETER JOHN',
      optionalData: '',
      birthDateIso: '1934-07-12',
      expiryDateIso: '1995-07-12',
    },
  },
  {
    source: 'Doc 9303 Part 7 (MRV-A visa)',
    format: 'MRV-A',
    lines: ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<'],
    fields: {
      documentCode: 'V',
      issuingState: 'UTO',
      documentNumber: 'L8988901C',
      nationality: 'XXX',
      birthDate: '400907',
      sex: 'F',
      expiryDate: '961210',
      ...ERIKSSON,
      optionalData: '6ZE184226B',
      birthDateIso: '1940-09-07',
      expiryDateIso: '1996-12-10',
    },
  },
  {
    source: 'Doc 9303 Part 7 (MRV-B visa)',
    format: 'MRV-B',
    lines: ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX4009078F9612109<<<<<<<<'],
    fields: {
      documentCode: 'V',
      issuingState: 'UTO',
      documentNumber: 'L8988901C',
      nationality: 'XXX',
      birthDate: '400907',
      sex: 'F',
      expiryDate: '961210',
      ...ERIKSSON,
      optionalData: '',
      birthDateIso: '1940-09-07',
      expiryDateIso: '1996-12-10',
    },
  },
];

/** The specimen of each format from Parts 4 to 7. */
export function specimenOf(format: MrzFormat): Specimen {
  const specimen = SPECIMENS.find((candidate) => candidate.format === format);
  if (specimen === undefined) throw new Error(`no specimen for ${format}`);
  return specimen;
}

/** A fixed reading day, so that every century resolution in the tests is deterministic. */
export const TODAY = new Date(2025, 5, 15);

/** The example the `sahman mrz --json` contract gives for the TD3 specimen, key for key. */
export const COMMAND_CONTRACT_TD3_EXAMPLE = {
  valid: true,
  format: 'TD3',
  fields: {
    documentCode: 'P',
    issuingState: 'UTO',
    documentNumber: 'L898902C3',
    nationality: 'UTO',
    birthDate: '740812',
    sex: 'F',
    expiryDate: '120415',
    surname: 'ERIKSSON',
    givenNames: 'ANNA MARIA',
    optionalData: 'ZE184226B',
  },
  errors: [],
  corrections: [],
} as const;
