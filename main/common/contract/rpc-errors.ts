import * as z from 'zod';
import { FieldIssueView } from './reader-console.js';

/**
 * Every error code the core can answer an RPC message with. Clients switch on
 * these, so a code is never renamed or reused for another meaning.
 */
export const RpcErrorCode = z.enum([
  /** The message was not valid JSON. */
  'invalid_json',
  /** Valid JSON, but not a request the wire protocol knows (missing id, wrong type…). */
  'invalid_message',
  /** The method or stream is not in the contract. */
  'unknown_method',
  /** The params do not match the method's schema. */
  'invalid_params',
  /** The caller's session lacks a role the method requires, or must change its PIN first, or lacks the role this particular change takes (a supervisor changing a technician's account). */
  'forbidden',
  /** Sign-in refused: wrong officer id or PIN (which of the two is not said). */
  'invalid_credentials',
  /** Too many wrong PINs: the account is locked for a while. */
  'account_locked',
  /** The method needs a signed-in officer and there is none. */
  'unauthenticated',
  /** The officer's session on this connection is locked: they resume with their PIN, or another officer signs in. */
  'session_locked',
  /** A stream id is already in use on this connection. */
  'duplicate_id',
  /** The client reads a stream more slowly than the core produces it. */
  'slow_consumer',
  /** The core cannot do this now (for example a store that cannot be written). */
  'unavailable',
  /** The assessment has alert-list hits the guard has not acknowledged (`capture.acknowledgeHits`): nothing was recorded. */
  'hits_unacknowledged',
  /** A refer or arrest hit stands on the assessment: only `refer` is recorded until a supervisor overrides it (`alerts.override`). */
  'referral_required',
  /** A fault inside the core; the details are in the core's log, never in the answer. */
  'internal',
]);
export type RpcErrorCode = z.infer<typeof RpcErrorCode>;

/**
 * What a screen needs to say more than the message does, in its own language:
 * the sign-in screen's "3 tries left" and "locked until 14:05". Each key is
 * optional and new keys are carried (loose), so that an older client reading a
 * newer core still matches the answer to its call.
 */
export const RpcErrorDetails = z.looseObject({
  /** invalid_credentials: wrong PINs still allowed before the account locks. */
  triesLeft: z.number().int().nonnegative().optional(),
  /** account_locked: when sign-in is allowed again. */
  lockedUntil: z.iso.datetime().optional(),
  /** invalid_params from readers.save and central.saveSettings: each problem by field (a reader spec's option name such as path, baud, framing, or `id`; a central setting's name such as url, caFile). */
  issues: z.array(FieldIssueView).optional(),
});
export type RpcErrorDetails = z.infer<typeof RpcErrorDetails>;

export const RpcErrorBody = z.object({
  code: RpcErrorCode,
  message: z.string(),
  details: RpcErrorDetails.optional(),
});
export type RpcErrorBody = z.infer<typeof RpcErrorBody>;

/** The error a client sees when a call fails; typed by code. */
export class RpcError extends Error {
  readonly code: RpcErrorCode;
  readonly details: RpcErrorDetails | undefined;

  constructor(code: RpcErrorCode, message: string, details?: RpcErrorDetails) {
    super(message);
    this.name = 'RpcError';
    this.code = code;
    this.details = details;
  }
}
