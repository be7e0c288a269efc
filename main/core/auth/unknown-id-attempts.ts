/** How many wrong PINs in a row an id has had, and until when (epoch ms) sign-in is refused. */
export interface AttemptState {
  readonly failedAttempts: number;
  readonly lockedUntil: number | null;
}

const NONE: AttemptState = { failedAttempts: 0, lockedUntil: null };

/**
 * Wrong sign-ins for ids no active account has, counted in memory exactly as an
 * account counts them in the database. The sign-in screen says how many tries
 * are left and until when an account is locked; if an unknown id answered
 * anything else (always "4 left", never locked), two tries would tell anyone
 * which officer ids exist. Counting them the same way answers the same sequence
 * for both. Bounded, oldest forgotten first, so that a flood of made-up ids
 * cannot grow the core's memory; a forgotten id only starts again from a full
 * count, which a known account also does after its lockout.
 */
export class UnknownIdAttempts {
  private readonly states = new Map<string, AttemptState>();

  constructor(private readonly capacity = 1024) {}

  get(id: string): AttemptState {
    return this.states.get(id) ?? NONE;
  }

  set(id: string, state: AttemptState): void {
    this.states.delete(id);
    this.states.set(id, state);
    if (this.states.size <= this.capacity) return;
    const oldest = this.states.keys().next();
    if (oldest.done !== true) this.states.delete(oldest.value);
  }
}
