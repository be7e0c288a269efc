import type { RpcErrorCode } from '../../common/contract/rpc-errors.js';
import { DomainError, type DomainErrorKind } from '../errors/domain-errors.js';

const WIRE_CODE: Readonly<Record<DomainErrorKind, RpcErrorCode>> = {
  'invalid-request': 'invalid_params',
  'not-signed-in': 'unauthenticated',
  forbidden: 'forbidden',
  'wrong-credentials': 'invalid_credentials',
  'account-locked': 'account_locked',
  unavailable: 'unavailable',
  'damaged-data': 'internal',
};

/** The wire error for a domain error, its message kept; null for any other fault, which stays in the log. */
export function rpcErrorOf(error: unknown): { readonly code: RpcErrorCode; readonly message: string } | null {
  return error instanceof DomainError ? { code: WIRE_CODE[error.kind], message: error.message } : null;
}
