/** Why a traveller matched, in the words the guard and the supervisor read. */
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../../main/core/alerts/persons/match-explanation.js';

const ALIGNMENT = {
  score: 0.93,
  parts: [
    { listed: 'HOVHANNISYAN', presented: 'OGANESYAN', how: 'transliteration', similarity: 0.891 },
    { listed: 'ARAM', presented: 'ARAM', how: 'exact', similarity: 1 },
  ],
  swapped: true,
} as const;

describe('a match explanation', () => {
  it('names the parts and how each matched, the swap, the date and what differs', () => {
    const explanation = explain(0, ALIGNMENT, 'day-month-swapped', ['sex', 'nationality']);
    expect(explanation).toMatchObject({ name: 'primary', swapped: true, birthDate: 'day-month-swapped', differs: ['sex', 'nationality'], parts: ALIGNMENT.parts });
    expect(explanation.summary).toBe(
      'name; HOVHANNISYAN~OGANESYAN (transliteration), ARAM=ARAM (exact), surname and given names swapped; birth date with day and month swapped; sex and nationality differ',
    );
  });

  it('counts aliases from 1 and says nothing of what does not differ', () => {
    const explanation = explain(2, { ...ALIGNMENT, swapped: false }, 'exact', []);
    expect(explanation.name).toBe(2);
    expect(explanation.summary).toBe('alias 2; HOVHANNISYAN~OGANESYAN (transliteration), ARAM=ARAM (exact); birth date exact');
  });

  it('says a part cut short in the MRZ, and one differing sex in the singular', () => {
    const cut = { score: 0.95, parts: [{ listed: 'ALEXANDRA', presented: 'ALEXAN', how: 'truncated', similarity: 0.95 }], swapped: false } as const;
    expect(explain(0, cut, 'unknown', ['sex']).summary).toBe('name; ALEXANDRA~ALEXAN (cut short in the MRZ); birth date unknown on one side; sex differs');
  });
});
