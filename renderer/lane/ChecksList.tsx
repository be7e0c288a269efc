import type { CheckOutcome, DocumentCheck } from '../../main/common/contract/document-checks.js';
import type { MessageId } from '../i18n/catalogues/en.js';
import { en } from '../i18n/catalogues/en.js';
import { useT } from '../i18n/I18n.js';
import { StateWord, type Tone } from '../shared/StateWord.js';
import { checksInOrder } from './card-facts.js';

const OUTCOME_TONE: Readonly<Record<CheckOutcome, Tone>> = { pass: 'ok', notice: 'notice', alert: 'bad', unavailable: 'neutral' };

function knownId(id: string): id is MessageId {
  return Object.hasOwn(en, id);
}

/** Every check the core ran, failed ones first, each with its outcome in icon, colour and word. */
export function ChecksList({ checks }: { readonly checks: readonly DocumentCheck[] }) {
  const t = useT();
  return (
    <section className="checks" aria-labelledby="checks-title">
      <h3 id="checks-title">{t('card.checks')}</h3>
      <ul>
        {checksInOrder(checks).map((check) => {
          const nameId = `check.${check.code}`;
          const reasonId = `checkReason.${check.reason}`;
          return (
            <li key={check.code} className={`check check-${check.outcome}`} data-testid={`check-${check.code}`} data-outcome={check.outcome}>
              <StateWord tone={OUTCOME_TONE[check.outcome]}>{t(`outcome.${check.outcome}`)}</StateWord>
              <strong>{knownId(nameId) ? t(nameId) : t('check.other', { code: check.code })}</strong>
              {/* A reason this release cannot name falls back to the core's own line. */}
              <span>{knownId(reasonId) ? t(reasonId) : t('checkReason.other', { message: check.message })}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
