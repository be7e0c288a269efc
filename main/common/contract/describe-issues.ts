import type * as z from 'zod';

/** What an issue must have to be described: zod's own, or one whose path was re-rooted. */
export interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

export interface DescribeIssuesOptions {
  /** The name for an issue about the value as a whole (an empty path). */
  readonly whole?: string;
  /** Path segments to drop from the front, when the value checked sits inside a wrapper. */
  readonly dropPathPrefix?: number;
  /** At most this many issues are named; more are counted. */
  readonly maxIssues?: number;
  /** The text is cut to this many characters, ending in an ellipsis. */
  readonly maxLength?: number;
}

function isZodError(value: z.ZodError | readonly IssueLike[]): value is z.ZodError {
  return !Array.isArray(value);
}

/**
 * The one way the appliance describes a validation failure: "field.path: problem; other: problem",
 * on one line, field first. One line, because these texts go into log lines, RPC errors, refusal
 * reasons and the first line a technician reads; zod's prettifyError spreads over several.
 */
export function describeIssues(source: z.ZodError | readonly IssueLike[], options: DescribeIssuesOptions = {}): string {
  const issues: readonly IssueLike[] = isZodError(source) ? source.issues : source;
  const whole = options.whole ?? '(top level)';
  const drop = options.dropPathPrefix ?? 0;
  const named = options.maxIssues === undefined ? issues : issues.slice(0, options.maxIssues);
  const parts = named.map((issue) => {
    const path = issue.path.slice(drop);
    return `${path.length === 0 ? whole : path.map(String).join('.')}: ${issue.message}`;
  });
  if (named.length < issues.length) parts.push(`and ${String(issues.length - named.length)} more`);
  const text = parts.join('; ');
  const limit = options.maxLength;
  return limit === undefined || text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** Where the first issue lies, for messages that name a place rather than every problem. */
export function firstIssuePath(error: z.ZodError, whole = '(top level)'): string {
  const path = error.issues[0]?.path ?? [];
  return path.length === 0 ? whole : path.map(String).join('.');
}
