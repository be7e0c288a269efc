import { RpcError, RpcErrorDetails, type RpcErrorCode } from '../../main/common/contract/rpc-errors.js';

/** What the screens need of a failed call: its wire code, the core's message, and any figures it carries. */
export interface RpcFailure {
  readonly code: RpcErrorCode | 'unknown';
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

function detailsOf(error: RpcError): Readonly<Record<string, unknown>> {
  const details: unknown = (error as { details?: unknown }).details;
  return typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {};
}

export function rpcFailure(error: unknown): RpcFailure {
  if (error instanceof RpcError) return { code: error.code, message: error.message, details: detailsOf(error) };
  return { code: 'unknown', message: error instanceof Error ? error.message : String(error), details: {} };
}

export function numberDetail(failure: RpcFailure, key: string): number | undefined {
  const value = failure.details[key];
  return typeof value === 'number' ? value : undefined;
}

export function stringDetail(failure: RpcFailure, key: string): string | undefined {
  const value = failure.details[key];
  return typeof value === 'string' ? value : undefined;
}

/** One problem the core found with a form's request, by the name of the field (or option) it is in. */
export type FieldIssue = NonNullable<RpcErrorDetails['issues']>[number];

/**
 * The core's refusal of a save, field by field (invalid_params with details.issues), for the form to
 * show beside each field; undefined for any other failure, which the form says as one message.
 */
export function refusedFields(error: unknown): readonly FieldIssue[] | undefined {
  const { code, details } = rpcFailure(error);
  if (code !== 'invalid_params') return undefined;
  const issues = RpcErrorDetails.shape.issues.safeParse(details.issues);
  return issues.success && issues.data !== undefined && issues.data.length > 0 ? issues.data : undefined;
}
