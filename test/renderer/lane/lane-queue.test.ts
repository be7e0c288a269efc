import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../main/common/contract/crossing.js';
import { EMPTY_LANE, laneReducer, type LaneState } from '../../../renderer/lane/lane-queue.js';

function assessment(id: string): Assessment {
  return {
    id,
    assessedAt: '2026-12-07T10:00:00.000Z',
    lastEntryAt: null,
    documentHits: [],
    personHits: [],
    checks: [],
    document: {
      source: { method: 'reader', readerId: 'simulator' },
      lines: ['P<UTOERIKSSON<<ANNA<MARIA'],
      format: 'TD3',
      valid: true,
      corrections: [],
      errors: [],
      fields: {
        documentCode: 'P', issuingState: 'UTO', documentNumber: 'L898902C3', nationality: 'UTO', birthDate: '740812', birthDateIso: '1974-08-12',
        sex: 'F', expiryDate: '320415', expiryDateIso: '2032-04-15', surname: 'ERIKSSON', givenNames: 'ANNA MARIA', optionalData: '',
      },
    },
  };
}

const A = assessment('01a22400-0000-7000-8000-00000000000a');
const B = assessment('01a22400-0000-7000-8000-00000000000b');

function run(...events: Parameters<typeof laneReducer>[1][]): LaneState {
  return events.reduce(laneReducer, EMPTY_LANE);
}

describe('the lane card and its queue', () => {
  it('never replaces a card awaiting a decision: the next document waits', () => {
    const state = run({ type: 'arrived', assessment: A }, { type: 'arrived', assessment: B });
    expect(state.current?.id).toBe(A.id);
    expect(state.waiting.map((waiting) => waiting.id)).toEqual([B.id]);
  });

  it('shows the waiting document once the card is recorded', () => {
    const state = run(
      { type: 'arrived', assessment: A },
      { type: 'arrived', assessment: B },
      { type: 'recording', assessmentId: A.id, outcome: 'admit' },
      { type: 'recorded', assessmentId: A.id, outcome: 'admit', recordedAt: '2026-12-07T10:00:01.000Z' },
    );
    expect(state.current?.id).toBe(B.id);
    expect(state.phase.kind).toBe('deciding');
    expect(state.lastRecorded?.assessmentId).toBe(A.id);
  });

  it('ignores an answer or a decision about a document that is no longer on the card', () => {
    const state = run(
      { type: 'arrived', assessment: A },
      { type: 'arrived', assessment: B },
      { type: 'recording', assessmentId: B.id, outcome: 'refuse' },
      { type: 'recorded', assessmentId: B.id, outcome: 'refuse', recordedAt: '2026-12-07T10:00:01.000Z' },
    );
    expect(state.current?.id).toBe(A.id);
    expect(state.phase.kind).toBe('deciding');
    expect(state.lastRecorded).toBeUndefined();
  });

  it('keeps the card when recording fails, so the guard can try again', () => {
    const state = run({ type: 'arrived', assessment: A }, { type: 'recording', assessmentId: A.id, outcome: 'admit' }, { type: 'failed', assessmentId: A.id, message: 'disk full' });
    expect(state.current?.id).toBe(A.id);
    expect(state.phase).toEqual({ kind: 'failed', message: 'disk full' });
    expect(laneReducer(state, { type: 'recording', assessmentId: A.id, outcome: 'admit' }).phase.kind).toBe('recording');
  });

  it('does not start a second recording while one is on its way', () => {
    const recording = run({ type: 'arrived', assessment: A }, { type: 'recording', assessmentId: A.id, outcome: 'admit' });
    expect(laneReducer(recording, { type: 'recording', assessmentId: A.id, outcome: 'refuse' })).toBe(recording);
  });

  it('takes the same document only once', () => {
    const state = run({ type: 'arrived', assessment: A }, { type: 'arrived', assessment: A });
    expect(state.waiting).toEqual([]);
  });
});
