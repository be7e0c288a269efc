import type { Database } from 'better-sqlite3';
import * as z from 'zod';
import { OfficerId, OfficerRoles } from '../../common/contract/officers.js';
import type { Role } from '../../common/contract/roles.js';
import { describeIssues } from '../../common/contract/describe-issues.js';

export interface OfficerRecord {
  readonly id: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly pinHash: string;
  readonly mustChangePin: boolean;
  readonly failedAttempts: number;
  /** Epoch ms until which sign-in is refused; null when not locked. */
  readonly lockedUntil: number | null;
  readonly active: boolean;
  /** Epoch ms. */
  readonly createdAt: number;
}

/** A row as stored, checked on the way out: a damaged row is reported, never passed on as an officer. */
const OfficerRow = z
  .object({
    id: OfficerId,
    display_name: z.string().min(1),
    roles: z.string().transform((text, ctx) => {
      try {
        return OfficerRoles.parse(JSON.parse(text));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'roles are not a valid role list' });
        return z.NEVER;
      }
    }),
    pin_hash: z.string().startsWith('scrypt$'),
    must_change_pin: z.union([z.literal(0), z.literal(1)]),
    failed_attempts: z.number().int().nonnegative(),
    locked_until: z.number().int().nullable(),
    active: z.union([z.literal(0), z.literal(1)]),
    created_at: z.number().int(),
  })
  .transform(
    (row): OfficerRecord => ({
      id: row.id,
      displayName: row.display_name,
      roles: row.roles,
      pinHash: row.pin_hash,
      mustChangePin: row.must_change_pin === 1,
      failedAttempts: row.failed_attempts,
      lockedUntil: row.locked_until,
      active: row.active === 1,
      createdAt: row.created_at,
    }),
  );

/** A stored officer row failed validation. */
export class CorruptRowError extends Error {
  constructor(table: string, key: string, detail: string) {
    super(`the ${table} row ${key} is damaged (${detail}); it was not used`);
    this.name = 'CorruptRowError';
  }
}

export class OfficerStore {
  constructor(private readonly db: Database) {}

  count(): number {
    return this.db.prepare('SELECT count(*) FROM officers').pluck().get() as number;
  }

  find(id: string): OfficerRecord | undefined {
    const row: unknown = this.db.prepare('SELECT * FROM officers WHERE id = ?').get(id);
    return row === undefined ? undefined : checked(row);
  }

  /** How many active accounts hold the role. */
  countActiveWith(role: Role): number {
    return this.db
      .prepare('SELECT count(*) FROM officers WHERE active = 1 AND EXISTS (SELECT 1 FROM json_each(officers.roles) WHERE value = ?)')
      .pluck()
      .get(role) as number;
  }

  /** Every account, active or not, by id. */
  list(): OfficerRecord[] {
    return this.db
      .prepare('SELECT * FROM officers ORDER BY id')
      .all()
      .map((row) => checked(row));
  }

  create(officer: { id: string; displayName: string; roles: readonly Role[]; pinHash: string; mustChangePin: boolean }, at: Date): void {
    this.db
      .prepare('INSERT INTO officers (id, display_name, roles, pin_hash, must_change_pin, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(officer.id, officer.displayName, JSON.stringify(officer.roles), officer.pinHash, officer.mustChangePin ? 1 : 0, at.getTime());
  }

  recordFailure(id: string, failedAttempts: number, lockedUntil: number | null): void {
    this.db.prepare('UPDATE officers SET failed_attempts = ?, locked_until = ? WHERE id = ?').run(failedAttempts, lockedUntil, id);
  }

  recordSuccess(id: string): void {
    this.db.prepare('UPDATE officers SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(id);
  }

  setPin(id: string, pinHash: string): void {
    this.db.prepare('UPDATE officers SET pin_hash = ?, must_change_pin = 0 WHERE id = ?').run(pinHash, id);
  }

  /** A one-time PIN that must be changed at sign-in; the lockout and failure count start over. */
  resetPin(id: string, pinHash: string): void {
    this.db.prepare('UPDATE officers SET pin_hash = ?, must_change_pin = 1, failed_attempts = 0, locked_until = NULL WHERE id = ?').run(pinHash, id);
  }

  update(id: string, change: { displayName: string; roles: readonly Role[] }): void {
    this.db.prepare('UPDATE officers SET display_name = ?, roles = ? WHERE id = ?').run(change.displayName, JSON.stringify(change.roles), id);
  }

  setActive(id: string, active: boolean): void {
    this.db.prepare('UPDATE officers SET active = ? WHERE id = ?').run(active ? 1 : 0, id);
  }
}

function checked(row: unknown): OfficerRecord {
  const parsed = OfficerRow.safeParse(row);
  if (parsed.success) return parsed.data;
  const key = typeof row === 'object' && row !== null && 'id' in row && typeof row.id === 'string' ? row.id : '(no id)';
  throw new CorruptRowError('officers', key, describeIssues(parsed.error));
}
