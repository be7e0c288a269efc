import type { MrzFields } from '../../common/icao/index.js';

/** The verdicts a chip check can get (issue 17): passed, failed with why, or not done and why not. */
export type ChipVerdict = 'passed' | 'failed' | 'not-supported' | 'not-possible';

export interface ChipCheck {
  readonly code: 'dg1-matches-mrz';
  readonly verdict: ChipVerdict;
  /** Names what differs or why the check could not run; never the document's data. */
  readonly reason?: string;
}

const COMPARED: readonly (keyof MrzFields)[] = ['documentCode', 'issuingState', 'documentNumber', 'nationality', 'birthDate', 'sex', 'expiryDate', 'surname', 'givenNames', 'optionalData', 'optionalData2'];

/**
 * DG1 against the printed MRZ, field by field: a page reprinted over a
 * genuine chip (or a chip moved into another booklet) differs here. Only the
 * fields the printed side gave are compared: `--mrz-info` gives three.
 */
export function dg1AgainstMrz(chip: MrzFields, printed: Partial<MrzFields>): ChipCheck {
  const differing = COMPARED.filter((field) => printed[field] !== undefined && printed[field] !== chip[field]);
  if (differing.length === 0) return { code: 'dg1-matches-mrz', verdict: 'passed' };
  return { code: 'dg1-matches-mrz', verdict: 'failed', reason: `the chip's DG1 differs from the printed MRZ in: ${differing.join(', ')}` };
}
