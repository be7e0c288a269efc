import type { ManualDocumentFields } from '../../main/common/contract/crossing.js';
import { MrzFormatError, formatMrz, parseMrz, type MrzFieldName } from '../../main/common/icao/index.js';

export const MANUAL_FORMATS = ['TD3', 'TD1', 'TD2'] as const;
export type ManualFormat = (typeof MANUAL_FORMATS)[number];

export interface ManualForm {
  readonly format: ManualFormat;
  readonly documentCode: string;
  readonly issuingState: string;
  readonly documentNumber: string;
  readonly surname: string;
  readonly givenNames: string;
  readonly nationality: string;
  readonly birthDate: string;
  readonly sex: 'M' | 'F' | 'X';
  readonly expiryDate: string;
}

export type ManualField = Exclude<keyof ManualForm, 'format'>;

export const EMPTY_MANUAL_FORM: ManualForm = {
  format: 'TD3',
  documentCode: 'P',
  issuingState: '',
  documentNumber: '',
  surname: '',
  givenNames: '',
  nationality: '',
  birthDate: '',
  sex: 'F',
  expiryDate: '',
};

/** Why a field is refused: a catalogue key, or the MRZ engine's own words. */
export type FieldProblem =
  | { readonly kind: 'required' | 'letters' | 'alnum' | 'country' | 'date' | 'documentType' }
  | { readonly kind: 'engine'; readonly message: string };

export interface ManualCheck {
  readonly problems: Partial<Record<ManualField, FieldProblem>>;
  /** The zone the fields make, once they make one. */
  readonly zone: readonly string[] | undefined;
  readonly fields: ManualDocumentFields | undefined;
}

const SHAPES: Readonly<Record<ManualField, { readonly pattern: RegExp; readonly problem: Exclude<FieldProblem['kind'], 'engine'>; readonly optional?: true }>> = {
  documentCode: { pattern: /^[A-Z][A-Z<]?$/, problem: 'documentType' },
  issuingState: { pattern: /^[A-Z]{1,3}$/, problem: 'country' },
  documentNumber: { pattern: /^[A-Z0-9]{1,24}$/, problem: 'alnum' },
  surname: { pattern: /^[A-Z][A-Z -]{0,38}$/, problem: 'letters' },
  givenNames: { pattern: /^[A-Z -]{0,39}$/, problem: 'letters', optional: true },
  nationality: { pattern: /^[A-Z]{1,3}$/, problem: 'country' },
  birthDate: { pattern: /^\d{4}-\d{2}-\d{2}$/, problem: 'date' },
  sex: { pattern: /^[MFX]$/, problem: 'letters' },
  expiryDate: { pattern: /^\d{4}-\d{2}-\d{2}$/, problem: 'date' },
};

/** The engine names zone fields; the form has the same names for all it asks. */
function formFieldOf(field: MrzFieldName | keyof ManualDocumentFields): ManualField | undefined {
  return Object.hasOwn(SHAPES, field) ? (field as ManualField) : undefined;
}

/** Whether an ISO date is a day of the calendar (no 13th month, no 30 February). */
function isCalendarDay(iso: string): boolean {
  const [year, month, day] = iso.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Names as the zone holds them: hyphens and spaces become fillers, the engine's job from here. */
function zoneName(name: string): string {
  return name.trim().replace(/[\s-]+/g, ' ');
}

/**
 * Checks what the guard typed, field by field, then as a whole zone through
 * the MRZ engine, exactly as a scanned document is checked. Check digits are
 * computed here, never typed.
 */
export function checkManualForm(form: ManualForm): ManualCheck {
  const problems: Partial<Record<ManualField, FieldProblem>> = {};
  for (const [field, shape] of Object.entries(SHAPES) as [ManualField, (typeof SHAPES)[ManualField]][]) {
    const value = form[field].trim();
    if (value === '') {
      if (shape.optional !== true) problems[field] = { kind: 'required' };
    } else if (!shape.pattern.test(value) || (shape.problem === 'date' && !isCalendarDay(value))) problems[field] = { kind: shape.problem };
  }
  if (Object.keys(problems).length > 0) return { problems, zone: undefined, fields: undefined };
  const fields: ManualDocumentFields = {
    documentCode: form.documentCode.trim(),
    issuingState: form.issuingState.trim(),
    documentNumber: form.documentNumber.trim(),
    nationality: form.nationality.trim(),
    birthDate: form.birthDate.trim(),
    sex: form.sex,
    expiryDate: form.expiryDate.trim(),
    surname: zoneName(form.surname),
    givenNames: zoneName(form.givenNames),
  };
  let zone: string;
  try {
    zone = formatMrz(fields, form.format);
  } catch (error) {
    if (!(error instanceof MrzFormatError)) throw error;
    const field = formFieldOf(error.field) ?? 'documentNumber';
    return { problems: { [field]: { kind: 'engine', message: error.message } }, zone: undefined, fields: undefined };
  }
  const result = parseMrz(zone);
  for (const error of result.errors) {
    const field = formFieldOf(error.field);
    if (field !== undefined && problems[field] === undefined) problems[field] = { kind: 'engine', message: error.message };
  }
  return { problems, zone: zone.split('\n'), fields: Object.keys(problems).length === 0 ? fields : undefined };
}
