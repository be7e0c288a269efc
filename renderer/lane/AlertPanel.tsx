import { useId, useState } from 'react';
import type { HitHold } from '../../main/common/contract/alert-hits.js';
import { useLanguage, useT } from '../i18n/I18n.js';

/**
 * What the hits ask of the lane: the guard's acknowledgement, then, while a
 * refer or arrest hit stands, a referral, which only a supervisor may
 * override with a reason. The screen only hides; the core refuses.
 */
export function AlertControls({
  hold,
  supervisor,
  busy,
  onAcknowledge,
  onOverride,
}: {
  readonly hold: HitHold;
  readonly supervisor: boolean;
  readonly busy: boolean;
  readonly onAcknowledge: () => void;
  readonly onOverride: (reason: string) => void;
}) {
  const t = useT();
  const { format } = useLanguage();
  const [reason, setReason] = useState('');
  const titleId = useId();
  const reasonId = useId();
  const trimmed = reason.trim();
  const demandsReferral = hold.hits.some((hit) => hit.action !== 'inform');
  return (
    <section className="alert-controls" aria-labelledby={titleId}>
      <h3 id={titleId}>
        <span aria-hidden="true">! </span>
        {t('hit.title', { count: hold.hits.length })}
      </h3>
      <p>{t(demandsReferral ? 'hit.refersExplain' : 'hit.informExplain')}</p>
      {hold.acknowledged === null ? (
        <button type="button" className="acknowledge" disabled={busy} onClick={onAcknowledge}>
          {t('hit.acknowledge')}
        </button>
      ) : (
        <p className="acknowledged">
          <span aria-hidden="true">✓ </span>
          {t('hit.acknowledged', { officer: hold.acknowledged.officerId, time: format.clock(new Date(hold.acknowledged.at)) })}
        </p>
      )}
      {hold.override === null ? null : (
        <p className="acknowledged">
          <span aria-hidden="true">✓ </span>
          {t('hit.overridden', { officer: hold.override.officerId, reason: hold.override.reason })}
        </p>
      )}
      {supervisor && demandsReferral && hold.override === null ? (
        <form
          className="override"
          aria-label={t('hit.overrideForm')}
          onSubmit={(event) => {
            event.preventDefault();
            if (trimmed.length >= 10) onOverride(trimmed);
          }}
        >
          <label htmlFor={reasonId}>{t('hit.overrideReason')}</label>
          <textarea id={reasonId} value={reason} maxLength={300} rows={2} onChange={(event) => { setReason(event.target.value); }} />
          <p className="muted">{t('hit.overrideHint')}</p>
          <button type="submit" disabled={busy || trimmed.length < 10}>
            {t('hit.override')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
