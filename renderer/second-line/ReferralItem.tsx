import { useEffect, useId, useRef, useState } from 'react';
import type { Referral, ReferralOutcome } from '../../main/common/contract/crossing.js';
import { countryName } from '../i18n/country-names.js';
import { calendarDay } from '../i18n/format.js';
import { useLanguage, useT } from '../i18n/I18n.js';
import { checkName, reasonName } from '../shared/open-code-names.js';
import { StateWord } from '../shared/StateWord.js';
import { minutesBetween, travellerName } from './traveller-name.js';

const MIN_REASON = 5;

/**
 * One referral as second line works it: the card the guard saw, how long the
 * traveller has waited, and who holds it. The supervisor who holds it
 * resolves it; anyone else may take it over. The core enforces both.
 */
export function ReferralItem({
  referral,
  me,
  now,
  busy,
  onTake,
  onResolve,
}: {
  readonly referral: Referral;
  readonly me: string;
  readonly now: Date;
  readonly busy: boolean;
  readonly onTake: () => void;
  readonly onResolve: (outcome: ReferralOutcome, reason: string, notes: string) => void;
}) {
  const t = useT();
  const { language, format } = useLanguage();
  const titleId = useId();
  const reasonId = useId();
  const notesId = useId();
  const hintId = useId();
  const [reason, setReason] = useState('');
  const [notes, setNotes] = useState('');
  const { document } = referral;
  const { fields } = document;
  const name = travellerName(fields);
  const day = (iso: string | null, raw: string): string => {
    const date = iso === null ? undefined : calendarDay(iso);
    return date === undefined ? raw : format.day(date);
  };
  const notPassed = referral.checks.filter((check) => check.outcome === 'alert' || check.outcome === 'notice');
  const mine = referral.take?.officerId === me;
  const trimmed = reason.trim();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    // Taken: the reason and the two outcomes come into view, so the supervisor need not scroll for them.
    if (mine) formRef.current?.scrollIntoView({ block: 'nearest' });
  }, [mine]);
  return (
    <article className={`card referral${referral.overdue ? ' referral-overdue' : ''}`} aria-labelledby={titleId}>
      <header className="referral-head">
        <h3 id={titleId}>{name}</h3>
        <StateWord tone={referral.overdue ? 'bad' : 'notice'}>{t('referrals.waiting', { minutes: minutesBetween(referral.recordedAt, now) })}</StateWord>
        {referral.overdue ? <StateWord tone="bad">{t('referrals.overdue')}</StateWord> : null}
      </header>
      <p className="referral-facts">
        {t('referrals.document', {
          code: fields.documentCode,
          number: fields.documentNumber,
          state: countryName(fields.issuingState, language),
          birthDate: day(fields.birthDateIso, fields.birthDate),
          expiryDate: day(fields.expiryDateIso, fields.expiryDate),
        })}
        <br />
        {t('referrals.from', { lane: referral.lane, direction: referral.direction, officer: referral.officerId, time: format.clock(new Date(referral.recordedAt)) })}
      </p>
      <p>
        {t('referrals.reasons', { reasons: referral.reasons.map((code) => reasonName(t, code)).join(', ') })}
        {' · '}
        {notPassed.length === 0 ? t('referrals.allPassed') : t('referrals.failedChecks', { checks: notPassed.map((check) => checkName(t, check.code)).join(', ') })}
      </p>
      {referral.notes === '' ? null : <p>{t('referrals.notes', { notes: referral.notes })}</p>}
      {referral.alertHits.length === 0 ? null : (
        <p className="referral-hits">
          <span aria-hidden="true">✕ </span>
          {t('referrals.hits', { count: referral.alertHits.length, entries: referral.alertHits.map((hit) => `${hit.list} ${hit.entryId}`).join(', ') })}
        </p>
      )}
      {referral.take === null ? null : (
        <p className="acknowledged">
          {mine
            ? t('referrals.takenByYou', { time: format.clock(new Date(referral.take.takenAt)) })
            : t('referrals.takenBy', { officer: referral.take.officerId, time: format.clock(new Date(referral.take.takenAt)) })}
        </p>
      )}
      {mine ? (
        <form
          ref={formRef}
          className="resolve-form"
          aria-label={t('referrals.title')}
          onSubmit={(event) => {
            event.preventDefault();
          }}
        >
          <div className="resolve-fields">
            <div className="resolve-field">
              <label htmlFor={reasonId}>{t('secondLine.reason')}</label>
              <textarea id={reasonId} value={reason} maxLength={300} rows={2} aria-describedby={hintId} onChange={(event) => { setReason(event.target.value); }} />
            </div>
            <div className="resolve-field">
              <label htmlFor={notesId}>{t('referrals.notesField')}</label>
              <textarea id={notesId} value={notes} maxLength={1000} rows={2} onChange={(event) => { setNotes(event.target.value); }} />
            </div>
          </div>
          <p className="muted" id={hintId}>
            {t('referrals.hint')}
          </p>
          <div className="resolve-actions">
            <button type="button" className="decision-admit" disabled={busy || trimmed.length < MIN_REASON} onClick={() => { onResolve('admitted', trimmed, notes.trim()); }}>
              {t('referrals.admit')}
            </button>
            <button type="button" className="decision-refuse" disabled={busy || trimmed.length < MIN_REASON} onClick={() => { onResolve('refused', trimmed, notes.trim()); }}>
              {t('referrals.refuse')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="primary take" disabled={busy} onClick={onTake}>
          {t('referrals.take')}
        </button>
      )}
    </article>
  );
}
