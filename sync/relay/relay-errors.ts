/** Central refuses this appliance until a person acts (a clock, key or content problem). */
export class SyncBlocked extends Error {
  override readonly name = 'SyncBlocked';
}

/** Worth trying again after a backoff: a 5xx, a reset, a timeout, a cut-short answer. */
export class SyncRetryable extends Error {
  override readonly name = 'SyncRetryable';
  constructor(
    message: string,
    readonly offline = false,
  ) {
    super(message);
  }
}
