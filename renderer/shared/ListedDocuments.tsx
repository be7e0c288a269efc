import { useId } from 'react';
import type { DocumentHit } from '../../main/common/contract/alert-lists.js';
import { calendarDay } from '../i18n/format.js';
import { useLanguage, useT } from '../i18n/I18n.js';

/** The listed documents a document matched: why it is listed, by whom and since when, and what the lane must do. */
export function ListedDocuments({ hits }: { readonly hits: readonly DocumentHit[] }) {
  const t = useT();
  const { format } = useLanguage();
  const titleId = useId();
  if (hits.length === 0) return null;
  const day = (iso: string): string => {
    const date = calendarDay(iso);
    return date === undefined ? iso : format.day(date);
  };
  return (
    <section className="listed-document" aria-labelledby={titleId} data-testid="listed-document">
      <h3 id={titleId}>
        <span aria-hidden="true">✕ </span>
        {t('card.listedTitle')}
      </h3>
      <ul>
        {hits.map((hit) => (
          <li key={`${hit.entry.number}:${hit.entry.documentType}`}>
            {t('card.listed', { reason: hit.entry.reason, source: hit.entry.source, date: day(hit.entry.reportedAt) })}
            {hit.how === 'exact' ? null : <strong> {t('card.listedNumber', { number: hit.entry.number })}</strong>}
            <p className="hit-action">{t('hit.action', { action: 'refer' })}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
