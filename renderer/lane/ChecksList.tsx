import type { CheckOutcome, DocumentCheck } from '../../main/common/contract/document-checks.js';
import { useT } from '../i18n/I18n.js';
import { StateWord, type Tone } from '../shared/StateWord.js';
import { checkName, knownId } from '../shared/open-code-names.js';
import { checksInOrder } from './card-facts.js';

const OUTCOME_TONE: Readonly<Record<CheckOutcome, Tone>> = { pass: 'ok', notice: 'notice', alert: 'bad', unavailable: 'neutral' };

/** Every check the core ran, failed ones first, each with its outcome in icon, colour and word. */
export function ChecksList({ checks }: { readonly checks: readonly DocumentCheck[] }) {
  const t = useT();
  const ordered = checksInOrder(checks);
  const name = (check: DocumentCheck): string => checkName(t, check.code);
  // Passed checks and those that could not run need no reading: one line of chips keeps the failed ones in view at 1280x800.
  const brief = (check: DocumentCheck): boolean => check.outcome === 'pass' || check.outcome === 'unavailable';
  const passed = ordered.filter(brief);
  return (
    <section className="checks" aria-labelledby="checks-title">
      <h3 id="checks-title">{t('card.checks')}</h3>
      <ul>
        {ordered.filter((check) => !brief(check)).map((check) => {
          const reasonId = `checkReason.${check.reason}`;
          return (
            <li key={check.code} className={`check check-${check.outcome}`} data-testid={`check-${check.code}`} data-outcome={check.outcome}>
              <StateWord tone={OUTCOME_TONE[check.outcome]}>{t(`outcome.${check.outcome}`)}</StateWord>
              <strong>{name(check)}</strong>
              {/* A reason this release cannot name falls back to the core's own line. */}
              <span>{knownId(reasonId) ? t(reasonId) : t('checkReason.other', { message: check.message })}</span>
            </li>
          );
        })}
      </ul>
      {passed.length === 0 ? null : (
        <ul className="passed-checks">
          {passed.map((check) => (
            <li key={check.code} data-testid={`check-${check.code}`} data-outcome={check.outcome}>
              <StateWord tone={OUTCOME_TONE[check.outcome]}>{t('card.checkChip', { check: name(check), outcome: t(`outcome.${check.outcome}`) })}</StateWord>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
