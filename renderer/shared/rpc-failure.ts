import { RpcError, type RpcErrorCode } from '../../main/common/contract/rpc-errors.js';

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
