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

/** A turn longer than this met a busy machine or a heap being collected (marking runs in the allocating thread). */
const SLOW_TURN_MS = 25;

/**
 * The waits between one delta's turns. After a slow turn the next waits as
 * long as that one ran: staging then takes at most half of the event loop,
 * so a lane's crossings keep up instead of queueing behind it, and the
 * collector's marking (paced by how fast staging allocates) slows with it.
 */
export function stagingTurns(pace: StagingPace): () => Promise<void> {
  let resumed = performance.now();
  return async () => {
    const worked = performance.now() - resumed;
    if (worked > SLOW_TURN_MS) await sleep(worked);
    else if (pace.pauseMs > 0) await sleep(pace.pauseMs);
    else await nextTurn();
    resumed = performance.now();
  };
}
