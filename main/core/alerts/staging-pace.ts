import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';

/**
 * How fast a delta from central is staged beside the lane's work: a few
 * milliseconds of work per turn of the event loop, so that a crossing
 * recorded meanwhile waits at most that. Persons cost their preparation for
 * the matcher (about 30 µs each); documents cost little each but dirty a page
 * each (their keys are random), so they pause between turns and let the
 * background checkpointer (db/wal-checkpointer.ts) keep up with the WAL.
 * At these paces 100,000 entries stage in about 2 to 3 s.
 */
export interface StagingPace {
  readonly rowsPerTurn: number;
  readonly pauseMs: number;
}

export const PERSONS_PACE: StagingPace = { rowsPerTurn: 100, pauseMs: 0 };
export const DOCUMENTS_PACE: StagingPace = { rowsPerTurn: 200, pauseMs: 2 };

export function nextStagingTurn(pace: StagingPace): Promise<unknown> {
  return pace.pauseMs === 0 ? nextTurn() : sleep(pace.pauseMs);
}
