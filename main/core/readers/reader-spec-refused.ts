import type { ReaderSpecIssueView } from '../../common/contract/reader-console.js';
import { InvalidRequestError } from '../errors/domain-errors.js';

/** A reader spec the console refused, with every problem found, by the spec's option names. */
export class ReaderSpecRefusedError extends InvalidRequestError {
  constructor(readonly issues: readonly ReaderSpecIssueView[]) {
    super(`reader not saved, the running reader is kept: ${issues.map((issue) => `${issue.option} ${issue.message}`).join('; ')}`);
  }
}
