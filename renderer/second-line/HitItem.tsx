import { useId, useState } from 'react';
import type { HitFinding, OpenHit } from '../../main/common/contract/alert-hits.js';
import { useLanguage, useT } from '../i18n/I18n.js';
import { ListedDocuments } from '../shared/ListedDocuments.js';
import { ListedPersons } from '../shared/ListedPersons.js';
import { StateWord } from '../shared/StateWord.js';

const MIN_OVERRIDE = 10;

/** What names the hit in a heading: the listed person, or the listed document's number. */
export function hitTitle(open: OpenHit, documentTitle: (number: string) => string): string {
  const { subject } = open.hit;
  return subject.kind === 'person' ? `${subject.hit.entry.surname} ${subject.hit.entry.givenNames}`.trim() : documentTitle(subject.hit.entry.number);
}

/**
 * One hit awaiting a supervisor: the listed entry and why it matched, what the
 * guard did, and the two answers. A hit still at the lane can only be
 * overridden (the guard then decides); a referred or undecided one is
 * confirmed or set aside as a false match, with a reason.
 */
export function HitItem({
  open,
  busy,
  onConfirm,
  onOverride,
}: {
  readonly open: OpenHit;
  readonly busy: boolean;
  readonly onConfirm: (note: string) => void;
  readonly onOverride: (reason: string) => void;
}) {
  const t = useT();
  const { format } = useLanguage();
  const titleId = useId();
  const reasonId = useId();
  const hintId = useId();
  const [reason, setReason] = useState('');
  const trimmed = reason.trim();
  const { subject } = open.hit;
  const atLane = open.state === 'at-lane';
  const overridable = !atLane || (open.hit.action !== 'inform' && open.override === null);
  const finding = (value: HitFinding): void => {
    if (value === 'confirmed') onConfirm(trimmed);
    else onOverride(trimmed);
  };
  return (
    <article className="card open-hit" aria-labelledby={titleId}>
      <header className="referral-head">
        <h3 id={titleId}>{hitTitle(open, (number) => t('hits.document', { number }))}</h3>
        <StateWord tone={open.state === 'referred' ? 'notice' : 'bad'}>{t('hits.state', { state: atLane ? 'lane' : open.state })}</StateWord>
      </header>
      <p className="muted">{t('hits.raised', { lane: open.lane, time: format.clock(new Date(open.raisedAt)) })}</p>
      {subject.kind === 'person' ? <ListedPersons hits={[subject.hit]} /> : <ListedDocuments hits={[subject.hit]} />}
      <p className="acknowledged">
        {open.acknowledged === null ? t('hits.notAcknowledged') : t('hit.acknowledged', { officer: open.acknowledged.officerId, time: format.clock(new Date(open.acknowledged.at)) })}
      </p>
      {open.override === null ? null : <p className="acknowledged">{t('hit.overridden', { officer: open.override.officerId, reason: open.override.reason })}</p>}
      {overridable ? (
        <form
          className="resolve-form"
          aria-label={t('hits.title')}
          onSubmit={(event) => {
            event.preventDefault();
          }}
        >
          <label htmlFor={reasonId}>{t('secondLine.reason')}</label>
          <textarea id={reasonId} value={reason} maxLength={300} rows={2} aria-describedby={hintId} onChange={(event) => { setReason(event.target.value); }} />
          <p className="muted" id={hintId}>
            {t('hits.hint')}
          </p>
          <div className="resolve-actions">
            {atLane ? null : (
              <button type="button" className="decision-refuse" disabled={busy} onClick={() => { finding('confirmed'); }}>
                {t('hits.confirm')}
              </button>
            )}
            <button type="button" disabled={busy || trimmed.length < MIN_OVERRIDE} onClick={() => { finding('false-match'); }}>
              {t('hits.override')}
            </button>
          </div>
        </form>
      ) : null}
    </article>
  );
}
