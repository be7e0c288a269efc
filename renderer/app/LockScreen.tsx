import type { SyntheticEvent } from 'react';
import type { OfficerSummary } from '../../main/common/contract/officers.js';
import { useT } from '../i18n/I18n.js';
import { LockIcon } from '../shared/LockIcon.js';
import { PinField } from '../shared/PinField.js';
import { usePinAttempt } from './use-pin-attempt.js';
import { ErrorAlert } from '../shared/ErrorAlert.js';

/** The locked screen: the same officer resumes with the PIN, or another signs in and ends the first one's session. */
export function LockScreen({
  officer,
  onUnlock,
  onOtherOfficer,
}: {
  readonly officer: OfficerSummary;
  readonly onUnlock: (pin: string) => Promise<void>;
  readonly onOtherOfficer: () => void;
}) {
  const t = useT();
  const { pin, setPin, busy, error, attempt } = usePinAttempt();

  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    attempt(() => onUnlock(pin));
  };

  return (
    <main className="centre-screen">
      <form className="panel" onSubmit={submit} aria-labelledby="lock-title">
        <h1 id="lock-title">
          <LockIcon />
          {t('lock.title')}
        </h1>
        <p>{t('lock.explain', { name: officer.displayName })}</p>
        <PinField label={t('lock.pin')} value={pin} onChange={setPin} autoFocus />
        <ErrorAlert message={error} />
        <div className="button-row">
          <button type="submit" className="primary big" disabled={busy || pin === ''}>
            {t('lock.resume')}
          </button>
          <button type="button" className="big" onClick={onOtherOfficer}>
            {t('lock.otherOfficer')}
          </button>
        </div>
      </form>
    </main>
  );
}
