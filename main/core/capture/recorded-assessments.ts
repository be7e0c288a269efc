import type { Direction } from '../../common/contract/config.js';
import type { Decision } from '../../common/contract/crossing.js';
import { InvalidRequestError } from '../errors/domain-errors.js';

export interface RecordAnswer {
  readonly id: string;
  readonly seq: number;
  readonly recordedAt: string;
}

interface Recorded {
  readonly answer: RecordAnswer;
  readonly direction: Direction;
  readonly outcome: Decision['outcome'];
  readonly officerId: string;
  readonly monotonicMs: number;
}

/**
 * The assessments already recorded, so that capture.record can be called again
 * safely: a guard whose answer was lost (the link dropped, the screen was
 * reloaded) presses again and gets the same record instead of a second
 * crossing. Kept as long as an assessment itself lives; after that the
 * assessment is unknown anyway.
 */
export class RecordedAssessments {
  private readonly recorded = new Map<string, Recorded>();

  constructor(
    private readonly ttlMs: number,
    private readonly monotonicNow: () => number,
  ) {}

  /**
   * The earlier answer when this is the same decision again; undefined when the
   * assessment was not recorded. A different decision is refused, naming the
   * recorded one: changing a recorded crossing is a void, not a second record.
   */
  repeat(assessmentId: string, direction: Direction, outcome: Decision['outcome'], officerId: string): RecordAnswer | undefined {
    this.forgetExpired();
    const recorded = this.recorded.get(assessmentId);
    if (recorded === undefined) return undefined;
    const as = `${recorded.outcome} on ${recorded.direction}`;
    if (recorded.officerId !== officerId) throw new InvalidRequestError(`another officer already recorded this assessment (${as})`);
    if (recorded.direction !== direction || recorded.outcome !== outcome) {
      throw new InvalidRequestError(`this assessment is already recorded as ${as}; a supervisor voids it to change the decision`);
    }
    return recorded.answer;
  }

  remember(assessmentId: string, answer: RecordAnswer, direction: Direction, outcome: Decision['outcome'], officerId: string): void {
    this.recorded.set(assessmentId, { answer, direction, outcome, officerId, monotonicMs: this.monotonicNow() });
  }

  private forgetExpired(): void {
    const oldest = this.monotonicNow() - this.ttlMs;
    // Insertion order is recording order: the first one still fresh ends the sweep.
    for (const [id, recorded] of this.recorded) {
      if (recorded.monotonicMs >= oldest) break;
      this.recorded.delete(id);
    }
  }
}
