import type { ManualDocumentFields } from '../../main/common/contract/crossing.js';

/**
 * The ICAO Doc 9303 specimen passport holder (Utopia, fictional), with an
 * expiry in the future so that checks on it pass; for tests that need a
 * document rather than a parser case (those are in test/main/common/icao/support).
 */
export const SPECIMEN_PASSPORT: ManualDocumentFields = {
  documentCode: 'P',
  issuingState: 'UTO',
  documentNumber: 'L898902C3',
  nationality: 'UTO',
  birthDate: '740812',
  sex: 'F',
  expiryDate: '320415',
  surname: 'ERIKSSON',
  givenNames: 'ANNA MARIA',
  optionalData: 'ZE184226B',
};
