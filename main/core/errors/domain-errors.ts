/**
 * Why the core refused a request, in the domain's own words. Services throw these; the RPC edge
 * (main/core/rpc/rpc-error-of.ts) alone turns them into wire codes, so a service never needs to
 * know how a client is connected, and the CLI or a test can reuse it with the same meaning.
 * The message is for the officer or technician: it never holds more of a traveller's data than
 * the document shows.
 */
export type DomainErrorKind =
  | 'invalid-request'
  | 'not-signed-in'
  | 'forbidden'
  | 'wrong-credentials'
  | 'account-locked'
  | 'unavailable'
  | 'damaged-data'
  | 'hits-unacknowledged'
  | 'referral-required';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
}

/** The request cannot be met as asked: a bad field, an unknown or stale id, a repeated action. */
export class InvalidRequestError extends DomainError {
  readonly kind = 'invalid-request';
  override readonly name = 'InvalidRequestError';
}

/** The session has no officer, or no longer has one. */
export class NotSignedInError extends DomainError {
  readonly kind = 'not-signed-in';
  override readonly name = 'NotSignedInError';
}

/** The signed-in officer may call this method, but their roles do not allow this particular change. */
export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
  override readonly name = 'ForbiddenError';
}

/** A wrong officer id or PIN; which of the two is never said. */
export class WrongCredentialsError extends DomainError {
  readonly kind = 'wrong-credentials';
  override readonly name = 'WrongCredentialsError';

  constructor(
    message: string,
    /** Wrong PINs still allowed before the account locks, when the screen may say so. */
    readonly triesLeft?: number,
  ) {
    super(message);
  }
}

export class AccountLockedError extends DomainError {
  readonly kind = 'account-locked';
  override readonly name = 'AccountLockedError';

  constructor(
    message: string,
    readonly lockedUntil?: Date,
  ) {
    super(message);
  }
}

/** The core cannot do this now (the disk is full, the store is read-only): nothing was kept. */
export class UnavailableError extends DomainError {
  readonly kind = 'unavailable';
  override readonly name = 'UnavailableError';
}

/** Stored data failed its check on the way back and was not shown. */
export class DamagedDataError extends DomainError {
  readonly kind = 'damaged-data';
  override readonly name = 'DamagedDataError';
}

/**
 * The alert-list hits of an assessment hold its decision: `hits-unacknowledged`
 * until the guard acknowledges them, `referral-required` while a refer or
 * arrest hit stands and no supervisor has overridden it.
 */
export class AlertHoldError extends DomainError {
  override readonly name = 'AlertHoldError';

  constructor(
    readonly kind: 'hits-unacknowledged' | 'referral-required',
    message: string,
  ) {
    super(message);
  }
}
