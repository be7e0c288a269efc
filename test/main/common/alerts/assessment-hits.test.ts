import { describe, expect, it } from 'vitest';
import type { DocumentHit, PersonAction, PersonHit } from '../../../../main/common/contract/alert-lists.js';
import { assessmentHits, holdOf, withVersions } from '../../../../main/common/alerts/assessment-hits.js';

const DOCUMENT: DocumentHit = {
  entry: { issuingState: 'UTO', documentType: 'P', number: 'UT4821936', reason: 'stolen', source: 'UTO national police', reportedAt: '2026-03-14' },
  how: 'ocr-equivalent',
};

function person(id: string, action: PersonAction): PersonHit {
  return {
    entry: { id, surname: 'TESTOVA', givenNames: '', aliases: [], category: 'notice', action },
    score: 0.9,
    explanation: { name: 'primary', parts: [], swapped: false, birthDate: 'unknown', differs: [], summary: 'surname exact' },
  };
}

describe('the hits of an assessment', () => {
  it('gives documents and persons one shape, with a stable id, the list and the action (a listed document refers)', () => {
    const hits = assessmentHits({ documentHits: [DOCUMENT], personHits: [person('P-9', 'inform')] });
    expect(hits.map(({ id, list, entryId, how, action }) => ({ id, list, entryId, how, action }))).toEqual([
      { id: 'document-list:UTO:UT4821936:P', list: 'document-list', entryId: 'UTO:UT4821936:P', how: 'ocr-equivalent', action: 'refer' },
      { id: 'person-list:P-9', list: 'person-list', entryId: 'P-9', how: 'match', action: 'inform' },
    ]);
    expect(withVersions(hits, [{ list: 'document-list', version: 4, entryId: 'UTO:UT4821936:P', how: 'ocr-equivalent' }]).map((hit) => hit.version)).toEqual([4, 0]);
  });

  it('holds for acknowledgement first, then to refer while a refer or arrest hit stands and nobody overrode it', () => {
    const arrest = assessmentHits({ documentHits: [], personHits: [person('P-1', 'arrest')] });
    const inform = assessmentHits({ documentHits: [], personHits: [person('P-2', 'inform')] });
    expect(holdOf([], false, false)).toBe('none');
    expect(holdOf(arrest, false, true)).toBe('acknowledge');
    expect(holdOf(arrest, true, false)).toBe('refer');
    expect(holdOf(arrest, true, true)).toBe('none');
    expect(holdOf(inform, true, false)).toBe('none');
    expect(holdOf([...inform, ...arrest], true, false)).toBe('refer');
  });
});
