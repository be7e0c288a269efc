import type { RpcErrorBody, RpcErrorCode, RpcErrorDetails } from '../../common/contract/rpc-errors.js';
import { AccountLockedError, DomainError, WrongCredentialsError, type DomainErrorKind } from '../errors/domain-errors.js';
import { FieldsRefusedError } from '../errors/fields-refused.js';

const WIRE_CODE: Readonly<Record<DomainErrorKind, RpcErrorCode>> = {
  'invalid-request': 'invalid_params',
  'not-signed-in': 'unauthenticated',
  forbidden: 'forbidden',
  'wrong-credentials': 'invalid_credentials',
  'account-locked': 'account_locked',
  unavailable: 'unavailable',
  'damaged-data': 'internal',
  'hits-unacknowledged': 'hits_unacknowledged',
  'referral-required': 'referral_required',
};

/** What a screen shows besides the message (tries left, locked until), machine-readable. */
function detailsOf(error: DomainError): RpcErrorDetails | undefined {
  if (error instanceof WrongCredentialsError && error.triesLeft !== undefined) return { triesLeft: error.triesLeft };
  if (error instanceof AccountLockedError && error.lockedUntil !== undefined) return { lockedUntil: error.lockedUntil.toISOString() };
  if (error instanceof FieldsRefusedError) {
    return {
      issues: error.issues.map((issue) => ({
        option: issue.option,
        message: issue.message,
        ...(issue.code === undefined ? {} : { code: issue.code }),
        ...(issue.values === undefined ? {} : { values: { ...issue.values } }),
      })),
    };
  }
  return undefined;
}

/** The wire error for a domain error, its message kept; null for any other fault, which stays in the log. */
export function rpcErrorOf(error: unknown): RpcErrorBody | null {
  if (!(error instanceof DomainError)) return null;
  const details = detailsOf(error);
  return { code: WIRE_CODE[error.kind], message: error.message, ...(details === undefined ? {} : { details }) };
}
