import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import type { DecisionOutcome, DecisionReason } from '../../main/common/contract/crossing.js';
import { useT } from '../i18n/I18n.js';
import { useEscape } from '../shared/use-escape.js';
import { REASONS } from './decision-reasons.js';

/** Asks the reason for a refusal, a referral, or an admission despite a failed check; Enter confirms, Escape cancels. */
export function DecisionDialog({
  outcome,
  failedCount,
  suggested,
  onConfirm,
  onCancel,
}: {
  readonly outcome: DecisionOutcome;
  readonly failedCount: number;
  readonly suggested: DecisionReason | undefined;
  readonly onConfirm: (reason: DecisionReason) => void;
  readonly onCancel: () => void;
}) {
  const t = useT();
  const titleId = useId();
  const [reason, setReason] = useState<DecisionReason | undefined>(suggested);
  const firstRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // With a reason chosen, Enter confirms at once; without one, the guard starts on the list.
    if (suggested === undefined) firstRef.current?.focus();
    else confirmRef.current?.focus();
  }, [suggested]);

  useEscape(onCancel);

  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    if (reason !== undefined) onConfirm(reason);
  };
  const title = outcome === 'admit' ? t('confirm.admitTitle') : outcome === 'refuse' ? t('confirm.refuseTitle') : t('confirm.referTitle');
  const confirmLabel = outcome === 'admit' ? t('confirm.admitAnyway') : outcome === 'refuse' ? t('confirm.confirmRefuse') : t('confirm.confirmRefer');

  return (
    <div className="dialog-backdrop">
      <form role="dialog" aria-modal="true" aria-labelledby={titleId} className={`dialog dialog-${outcome}`} onSubmit={submit}>
        <h2 id={titleId}>{title}</h2>
        {outcome === 'admit' ? <p>{t('confirm.admitExplain', { count: failedCount })}</p> : null}
        <div role="radiogroup" aria-label={t('confirm.reason')} className="reasons">
          {REASONS[outcome].map((option, index) => (
            <label key={option} className="reason">
              <input
                ref={index === 0 ? firstRef : undefined}
                type="radio"
                name="reason"
                value={option}
                checked={reason === option}
                onChange={() => {
                  setReason(option);
                }}
              />
              {t(`reason.${option}`)}
            </label>
          ))}
        </div>
        <div className="button-row">
          <button ref={confirmRef} type="submit" className={`big decision-${outcome}`} disabled={reason === undefined}>
            {confirmLabel}
          </button>
          <button type="button" className="big" onClick={onCancel}>
            {t('confirm.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
