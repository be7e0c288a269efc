import type { Database } from 'better-sqlite3';

/**
 * One schema version. Each lives in its own file under migrations/ and never
 * changes once released: a later change is a new migration.
 */
export interface Migration {
  /** The schema version after this migration; versions are 1, 2, 3… without gaps. */
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}
