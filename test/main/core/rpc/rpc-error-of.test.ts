import { describe, expect, it } from 'vitest';
import { RpcErrorCode } from '../../../../main/common/contract/rpc-errors.js';
import {
  AccountLockedError,
  DamagedDataError,
  ForbiddenError,
  InvalidRequestError,
  NotSignedInError,
  UnavailableError,
  WrongCredentialsError,
} from '../../../../main/core/errors/domain-errors.js';
import { rpcErrorOf } from '../../../../main/core/rpc/rpc-error-of.js';

describe('domain errors at the RPC edge', () => {
  it.each([
    [new InvalidRequestError('this crossing is already voided'), 'invalid_params'],
    [new NotSignedInError('sign in again'), 'unauthenticated'],
    [new ForbiddenError('a supervisor may create guards only'), 'forbidden'],
    [new WrongCredentialsError('wrong officer id or PIN'), 'invalid_credentials'],
    [new AccountLockedError('locked for 15 minutes'), 'account_locked'],
    [new UnavailableError('NOT RECORDED: the disk is full'), 'unavailable'],
    [new DamagedDataError('the stored crossing is damaged'), 'internal'],
  ])('%s becomes the wire code %s, its message kept for the officer', (error, code) => {
    expect(RpcErrorCode.safeParse(code).success).toBe(true);
    expect(rpcErrorOf(error)).toEqual({ code, message: error.message });
  });

  it('carries tries left and the end of a lockout as machine-readable details', () => {
    expect(rpcErrorOf(new WrongCredentialsError('wrong PIN', 2))).toEqual({ code: 'invalid_credentials', message: 'wrong PIN', details: { triesLeft: 2 } });
    expect(rpcErrorOf(new AccountLockedError('locked', new Date('2031-05-06T07:08:09.000Z')))).toEqual({
      code: 'account_locked',
      message: 'locked',
      details: { lockedUntil: '2031-05-06T07:08:09.000Z' },
    });
  });

  it('leaves any other fault to the log: it never reaches the client as it is', () => {
    expect(rpcErrorOf(new Error('SQLITE_CORRUPT at /var/lib/sahman/sahman.db'))).toBeNull();
    expect(rpcErrorOf('a string')).toBeNull();
  });
});
