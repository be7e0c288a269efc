import type { RpcErrorCode } from '../../common/contract/rpc-errors.js';

/**
 * An error a handler raises on purpose; its code and message go to the client
 * as they are. Any other exception becomes `internal` with a generic message.
 */
export class CoreError extends Error {
  constructor(
    readonly code: RpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CoreError';
  }
}
