import { describe, expect, it } from 'vitest';
import { parseMrz } from '../../../main/common/icao/index.js';
import { EMPTY_MANUAL_FORM, checkManualForm, type ManualForm } from '../../../renderer/lane/manual-fields.js';

const ANNA: ManualForm = {
  ...EMPTY_MANUAL_FORM,
  issuingState: 'UTO',
  documentNumber: 'L898902C3',
  surname: 'ERIKSSON',
  givenNames: 'ANNA MARIA',
  nationality: 'UTO',
  birthDate: '1974-08-12',
  sex: 'F',
  expiryDate: '2032-04-15',
};

describe('manual entry, checked live by the MRZ engine', () => {
  it('builds the zone with every check digit computed', () => {
    const check = checkManualForm(ANNA);
    expect(check.problems).toEqual({});
    expect(check.zone?.[0]).toBe('P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<');
    const read = parseMrz((check.zone ?? []).join('\n'));
    expect(read.valid).toBe(true);
    expect(read.fields).toMatchObject({ documentNumber: 'L898902C3', birthDateIso: '1974-08-12', expiryDateIso: '2032-04-15', givenNames: 'ANNA MARIA' });
  });

  it('names each field that is missing or malformed, and makes no zone', () => {
    const check = checkManualForm({ ...ANNA, surname: '', issuingState: 'U1', birthDate: '12/08/1974' });
    expect(check.problems.surname).toEqual({ kind: 'required' });
    expect(check.problems.issuingState).toEqual({ kind: 'country' });
    expect(check.problems.birthDate).toEqual({ kind: 'date' });
    expect(check.zone).toBeUndefined();
    expect(check.fields).toBeUndefined();
  });

  it('refuses a date that is not in the calendar as soon as it is typed, whatever else is missing', () => {
    expect(checkManualForm({ ...ANNA, birthDate: '1974-02-30' }).problems.birthDate).toEqual({ kind: 'date' });
    expect(checkManualForm({ ...ANNA, surname: '', expiryDate: '2031-13-01' }).problems.expiryDate).toEqual({ kind: 'date' });
  });

  it('passes on the engine’s verdict when the fields cannot make a zone', () => {
    const check = checkManualForm({ ...ANNA, documentNumber: 'A'.repeat(24) });
    expect(check.problems.documentNumber?.kind).toBe('engine');
    expect(check.fields).toBeUndefined();
  });

  it('turns spaces and hyphens in names into the zone’s fillers', () => {
    const check = checkManualForm({ ...ANNA, surname: 'VAN DER-BERG' });
    expect(check.zone?.[0]).toMatch(/^P<UTOVAN<DER<BERG<<ANNA<MARIA/);
  });
});
