import { useId } from 'react';
import type { PersonHit } from '../../main/common/contract/alert-lists.js';
import { calendarDay } from '../i18n/format.js';
import { useLanguage, useT } from '../i18n/I18n.js';

/** The listed persons a traveller matched: who is listed, why it matched, and what the lane must do. */
export function ListedPersons({ hits }: { readonly hits: readonly PersonHit[] }) {
  const t = useT();
  const { format } = useLanguage();
  const titleId = useId();
  if (hits.length === 0) return null;
  // A list that knows only the year or the month says no more than that.
  const day = (iso: string | null | undefined): string => {
    if (iso === null || iso === undefined) return t('hit.unknown');
    const date = iso.length === 10 ? calendarDay(iso) : undefined;
    return date === undefined ? iso : format.day(date);
  };
  return (
    <section className="listed-document listed-person" aria-labelledby={titleId}>
      <h3 id={titleId}>
        <span aria-hidden="true">✕ </span>
        {t('hit.personTitle')}
      </h3>
      <ul>
        {hits.map((hit) => (
          <li key={hit.entry.id}>
            <p className="hit-name">
              {hit.entry.surname} {hit.entry.givenNames}
              {hit.entry.aliases.length === 0 ? null : <> · {t('hit.aliases', { names: hit.entry.aliases.map((alias) => `${alias.surname} ${alias.givenNames}`.trim()).join('; ') })}</>}
            </p>
            <p>{t('hit.personFacts', { birthDate: day(hit.entry.birthDate), category: hit.entry.category, score: Math.round(hit.score * 100) })}</p>
            <p className="hit-action">{t('hit.action', { action: hit.entry.action })}</p>
            <p>
              {[
                // ICU select keys cannot hold hyphens.
                t('hit.birthDate', { agreement: hit.explanation.birthDate === 'day-month-swapped' ? 'swapped' : hit.explanation.birthDate }),
                ...(hit.explanation.swapped ? [t('hit.swapped')] : []),
                ...hit.explanation.differs.map((field) => t(field === 'sex' ? 'hit.differsSex' : 'hit.differsNationality')),
              ].join(' · ')}
            </p>
            <ul className="hit-parts">
              {hit.explanation.parts.map((part, index) => (
                <li key={index}>{t('hit.part', { listed: part.listed, presented: part.presented, how: part.how, similarity: Math.round(part.similarity * 100) })}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
