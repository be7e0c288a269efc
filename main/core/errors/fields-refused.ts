import { InvalidRequestError } from './domain-errors.js';

/** One field's problem, by the name the request gives it (a reader spec's option, a setting). */
export interface FieldIssue {
  readonly option: string;
  /** English, for the log and the command line. */
  readonly message: string;
  /** For a screen to say it in its own language (see FieldIssueView). */
  readonly code?: string;
  readonly values?: Readonly<Record<string, string | number>>;
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
