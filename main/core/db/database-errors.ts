/** The database file was written by a newer Sahman; opening it with this one could damage it. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `the database is at schema version ${String(fileVersion)}, but this Sahman knows versions up to ${String(appVersion)}: ` +
        'it was written by a newer release; install that release (or newer) instead of this one',
    );
    this.name = 'DatabaseTooNewError';
  }
}

/** A migration failed; none of the pending migrations were applied. */
export class MigrationError extends Error {
  constructor(
    readonly version: number,
    readonly migrationName: string,
    cause: unknown,
  ) {
    super(`database migration ${String(version)} (${migrationName}) failed, nothing was changed: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'MigrationError';
  }
}
