import { useT } from '../i18n/I18n.js';

/** A problem as the summary lists it: the field's label (or the core's option name when no field holds it) and what is wrong. */
export interface RefusalItem {
  readonly field: string;
  readonly message: string;
}

/**
 * Why a form was not saved, announced at once: a sentence saying what was kept, then every
 * problem by field. The same problems stand beside their fields; this list is for the officer
 * who reads from the top, and for the screen reader, which announces only the alert.
 */
export function RefusalAlert({ summary, items }: { readonly summary: string; readonly items: readonly RefusalItem[] }) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <div role="alert" className="message message-bad">
      <p>
        <span aria-hidden="true">✕ </span>
        {summary}
      </p>
      <ul>
        {items.map((item, index) => (
          <li key={index}>{t('form.issue', { field: item.field, message: item.message })}</li>
        ))}
      </ul>
    </div>
  );
}
