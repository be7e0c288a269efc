import type { DecisionOutcome } from '../../main/common/contract/crossing.js';
import { useId } from 'react';
import { useT } from '../i18n/I18n.js';

/** Function keys, because a keyboard-wedge reader types letters and digits and must never decide. */
export const DECISION_KEYS: Readonly<Record<DecisionOutcome, string>> = { admit: 'F2', refuse: 'F3', refer: 'F4' };
const ICONS: Readonly<Record<DecisionOutcome, string>> = { admit: '✓', refuse: '✕', refer: '↗' };
const LABELS = { admit: 'lane.admit', refuse: 'lane.refuse', refer: 'lane.refer' } as const;

/**
 * The three decisions, as large buttons with their keys shown; the key hint
 * stays out of the accessible name. Decisions the alert-list hits do not allow
 * are disabled, with the reason said above them and tied to each.
 */
export function DecisionBar({
  disabled,
  onDecide,
  unavailable = [],
  why,
}: {
  readonly disabled: boolean;
  readonly onDecide: (outcome: DecisionOutcome) => void;
  readonly unavailable?: readonly DecisionOutcome[];
  readonly why?: string | undefined;
}) {
  const t = useT();
  const whyId = useId();
  return (
    <>
    {why === undefined ? null : (
      <p className="decision-held" id={whyId} data-testid="decision-held">
        <span aria-hidden="true">! </span>
        {why}
      </p>
    )}
    <div className="decision-bar">
      {(['admit', 'refuse', 'refer'] as const).map((outcome) => (
        <button
          key={outcome}
          type="button"
          className={`decision decision-${outcome}`}
          disabled={disabled || unavailable.includes(outcome)}
          aria-describedby={why !== undefined && unavailable.includes(outcome) ? whyId : undefined}
          aria-keyshortcuts={DECISION_KEYS[outcome]}
          onClick={() => {
            onDecide(outcome);
          }}
        >
          <span className="decision-icon" aria-hidden="true">
            {ICONS[outcome]}
          </span>
          <span>{t(LABELS[outcome])}</span>
          <span className="key-hint" aria-hidden="true">
            {t('lane.shortcut', { key: DECISION_KEYS[outcome] })}
          </span>
        </button>
      ))}
    </div>
    </>
  );
}
