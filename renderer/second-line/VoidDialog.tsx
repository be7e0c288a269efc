import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/I18n.js';
import { useEscape } from '../shared/use-escape.js';

const MIN_REASON = 10;

/** Asks why a crossing is voided; Escape cancels. The void is a new record: nothing is edited. */
export function VoidDialog({ name, busy, onVoid, onCancel }: { readonly name: string; readonly busy: boolean; readonly onVoid: (reason: string) => void; readonly onCancel: () => void }) {
  const t = useT();
  const titleId = useId();
  const reasonId = useId();
  const hintId = useId();
  const [reason, setReason] = useState('');
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const trimmed = reason.trim();
  useEscape(onCancel);
  // Once, on opening: the list behind refreshes while the reason is typed, and must not pull the focus back.
  useEffect(() => {
    reasonRef.current?.focus();
  }, []);
  return (
    <div className="dialog-backdrop">
      <form
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="dialog dialog-refuse"
        onSubmit={(event) => {
          event.preventDefault();
          if (trimmed.length >= MIN_REASON) onVoid(trimmed);
        }}
      >
        <h2 id={titleId}>{t('voids.dialogTitle', { name })}</h2>
        <label htmlFor={reasonId}>{t('secondLine.reason')}</label>
        <textarea ref={reasonRef} id={reasonId} value={reason} maxLength={300} rows={3} aria-describedby={hintId} onChange={(event) => { setReason(event.target.value); }} />
        <p className="muted" id={hintId}>
          {t('voids.hint')}
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            {t('voids.cancel')}
          </button>
          <button type="submit" className="decision-refuse" disabled={busy || trimmed.length < MIN_REASON}>
            {t('voids.void')}
          </button>
        </div>
      </form>
    </div>
  );
}
