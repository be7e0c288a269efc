import { InvalidRequestError } from './domain-errors.js';

/** One field's problem, by the name the request gives it (a reader spec's option, a setting). */
export interface FieldIssue {
  readonly option: string;
  readonly message: string;
}

/** A request refused for problems with its fields, each named, so that a screen can say it beside the field. */
export class FieldsRefusedError extends InvalidRequestError {
  constructor(
    what: string,
    readonly issues: readonly FieldIssue[],
  ) {
    super(`${what}: ${issues.map((issue) => `${issue.option} ${issue.message}`).join('; ')}`);
  }
}
