import type { Assessment, DecisionOutcome } from '../../main/common/contract/crossing.js';

/** What the card's decision is doing. */
export type DecisionPhase =
  | { readonly kind: 'deciding' }
  | { readonly kind: 'recording'; readonly outcome: DecisionOutcome }
  | { readonly kind: 'recorded'; readonly outcome: DecisionOutcome; readonly recordedAt: string }
  | { readonly kind: 'failed'; readonly message: string };

export interface LaneState {
  /** The document on the card; decisions apply to it alone. */
  readonly current: Assessment | undefined;
  readonly phase: DecisionPhase;
  /** Documents that arrived while a decision was pending, oldest first: they wait, never replacing the card. */
  readonly waiting: readonly Assessment[];
  /** The last record the core confirmed, for the live "Recorded" line. */
  readonly lastRecorded: { readonly assessmentId: string; readonly outcome: DecisionOutcome; readonly recordedAt: string } | undefined;
}

export type LaneEvent =
  | { readonly type: 'arrived'; readonly assessment: Assessment }
  | { readonly type: 'recording'; readonly assessmentId: string; readonly outcome: DecisionOutcome }
  | { readonly type: 'recorded'; readonly assessmentId: string; readonly outcome: DecisionOutcome; readonly recordedAt: string }
  | { readonly type: 'failed'; readonly assessmentId: string; readonly message: string }
  | { readonly type: 'cleared'; readonly assessmentId: string };

export const EMPTY_LANE: LaneState = { current: undefined, phase: { kind: 'deciding' }, waiting: [], lastRecorded: undefined };

/** At most this many documents wait; older ones are scanned again (the core forgets undecided assessments anyway). */
const MAX_WAITING = 5;

function showNext(state: LaneState): LaneState {
  const [next, ...rest] = state.waiting;
  return next === undefined ? state : { ...state, current: next, phase: { kind: 'deciding' }, waiting: rest };
}

/**
 * The lane's card and queue. Every event names the assessment it is about,
 * and one about a document no longer on the card changes nothing: a late
 * answer or key press can never decide for another document.
 */
export function laneReducer(state: LaneState, event: LaneEvent): LaneState {
  switch (event.type) {
    case 'arrived': {
      const known = state.current?.id === event.assessment.id || state.waiting.some((waiting) => waiting.id === event.assessment.id);
      if (known) return state;
      if (state.current === undefined || state.phase.kind === 'recorded') {
        return { ...state, current: event.assessment, phase: { kind: 'deciding' } };
      }
      return { ...state, waiting: [...state.waiting, event.assessment].slice(-MAX_WAITING) };
    }
    case 'recording':
      if (state.current?.id !== event.assessmentId || state.phase.kind === 'recording' || state.phase.kind === 'recorded') return state;
      return { ...state, phase: { kind: 'recording', outcome: event.outcome } };
    case 'recorded': {
      if (state.current?.id !== event.assessmentId) return state;
      const recorded: LaneState = {
        ...state,
        phase: { kind: 'recorded', outcome: event.outcome, recordedAt: event.recordedAt },
        lastRecorded: { assessmentId: event.assessmentId, outcome: event.outcome, recordedAt: event.recordedAt },
      };
      return showNext(recorded);
    }
    case 'failed':
      if (state.current?.id !== event.assessmentId) return state;
      return { ...state, phase: { kind: 'failed', message: event.message } };
    case 'cleared':
      if (state.current?.id !== event.assessmentId || state.phase.kind === 'recording') return state;
      return showNext({ ...state, current: undefined, phase: { kind: 'deciding' } });
  }
}
