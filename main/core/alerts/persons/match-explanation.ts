import type { BirthDateAgreement, PersonMatchExplanation } from '../../../common/contract/alert-lists.js';
import type { NameAlignment } from './name-alignment.js';

const HOW_WORD = { exact: 'exact', transliteration: 'transliteration', edit: 'spelling differs', truncated: 'cut short in the MRZ' } as const;
const DATE_WORD: Readonly<Record<BirthDateAgreement, string>> = {
  exact: 'birth date exact',
  partial: 'birth date agrees as far as the list knows it',
  unknown: 'birth date unknown on one side',
  'day-month-swapped': 'birth date with day and month swapped',
  'one-component-off': 'birth date one part off',
};

/** Why a traveller matched: for the guard, the supervisor and the command's output, in plain words. */
export function explain(name: number, alignment: NameAlignment, birthDate: BirthDateAgreement, differs: PersonMatchExplanation['differs']): PersonMatchExplanation {
  const parts = alignment.parts.map((part) => `${part.listed}${part.how === 'exact' ? '=' : '~'}${part.presented} (${HOW_WORD[part.how]})`);
  const summary = [
    name === 0 ? 'name' : `alias ${String(name)}`,
    `${parts.join(', ')}${alignment.swapped ? ', surname and given names swapped' : ''}`,
    DATE_WORD[birthDate],
    ...(differs.length === 0 ? [] : [`${differs.join(' and ')} ${differs.length === 1 ? 'differs' : 'differ'}`]),
  ].join('; ');
  return { name: name === 0 ? 'primary' : name, parts: [...alignment.parts], swapped: alignment.swapped, birthDate, differs, summary };
}
