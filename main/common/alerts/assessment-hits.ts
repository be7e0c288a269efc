import type { Assessment, AlertHitRef } from '../contract/crossing.js';
import type { AlertHit, HitHoldKind, HitSubject } from '../contract/alert-hits.js';
import type { PersonAction } from '../contract/alert-lists.js';
import { documentEntryId } from './document-number.js';

/** The lists a hit comes from, as records name them. */
export const DOCUMENT_LIST = 'document-list';
export const PERSON_LIST = 'person-list';

/** A hit as an assessment alone gives it: everything but the list's version, which the core knows. */
export interface AssessmentHit {
  readonly id: string;
  readonly list: string;
  readonly entryId: string;
  readonly how: string;
  readonly action: PersonAction;
  readonly subject: HitSubject;
}

/** One id per hit of an assessment, the same on the lane, in the queue and on the trail. */
export function hitId(list: string, entryId: string): string {
  return `${list}:${entryId}`;
}

/**
 * Every hit of an assessment, documents and persons alike, in the order the
 * card shows them. A listed (lost, stolen) document sends the traveller to
 * second line, so it acts as `refer`; a listed person carries its entry's action.
 */
export function assessmentHits(assessment: Pick<Assessment, 'documentHits' | 'personHits'>): AssessmentHit[] {
  const documents = assessment.documentHits.map((hit): AssessmentHit => {
    const entryId = documentEntryId(hit.entry);
    return { id: hitId(DOCUMENT_LIST, entryId), list: DOCUMENT_LIST, entryId, how: hit.how, action: 'refer', subject: { kind: 'document', hit } };
  });
  const persons = assessment.personHits.map(
    (hit): AssessmentHit => ({ id: hitId(PERSON_LIST, hit.entry.id), list: PERSON_LIST, entryId: hit.entry.id, how: 'match', action: hit.entry.action, subject: { kind: 'person', hit } }),
  );
  return [...documents, ...persons];
}

/**
 * The hits with the versions of the lists they came from, as the record's refs
 * give them. A hit the refs do not name is still a hit (it holds the lane all
 * the same), with version 0: the version was not known.
 */
export function withVersions(hits: readonly AssessmentHit[], refs: readonly AlertHitRef[]): AlertHit[] {
  return hits.map((hit): AlertHit => {
    const ref = refs.find((candidate) => candidate.list === hit.list && candidate.entryId === hit.entryId);
    return { ...hit, version: ref?.version ?? 0 };
  });
}

/** Whether an action sends the traveller to second line. */
export function demandsReferral(action: PersonAction): boolean {
  return action === 'arrest' || action === 'refer';
}

/** What the hits allow the lane to decide, given whether the guard acknowledged them and a supervisor overrode them. */
export function holdOf(hits: readonly Pick<AssessmentHit, 'action'>[], acknowledged: boolean, overridden: boolean): HitHoldKind {
  if (hits.length === 0) return 'none';
  if (!acknowledged) return 'acknowledge';
  if (!overridden && hits.some((hit) => demandsReferral(hit.action))) return 'refer';
  return 'none';
}
