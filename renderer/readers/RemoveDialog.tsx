import { useEffect, useId, useRef } from 'react';
import { useT } from '../i18n/I18n.js';
import { useEscape } from '../shared/use-escape.js';

/** Asks before a reader is stopped and taken out of the config file; Escape cancels, and Cancel has the focus, so Enter alone removes nothing. */
export function RemoveDialog({ id, busy, onRemove, onCancel }: { readonly id: string; readonly busy: boolean; readonly onRemove: () => void; readonly onCancel: () => void }) {
  const t = useT();
  const titleId = useId();
  const explainId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEscape(onCancel);
  // Once, on opening: the screen behind re-renders as its lists refresh, and must not pull the focus back.
  useEffect(() => {
    cancelRef.current?.focus();
  }, []);
  return (
    <div className="dialog-backdrop">
      <div role="dialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={explainId} className="dialog">
        <h2 id={titleId}>{t('readers.removeTitle', { id })}</h2>
        <p id={explainId}>{t('readers.removeExplain')}</p>
        <div className="dialog-actions">
          <button type="button" ref={cancelRef} onClick={onCancel}>
            {t('readers.cancel')}
          </button>
          <button type="button" className="decision-refuse" disabled={busy} onClick={onRemove}>
            {t('readers.removeConfirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
