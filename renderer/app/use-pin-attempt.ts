import { useState } from 'react';
import { useLanguage, useT, type Translate } from '../i18n/I18n.js';
import type { Formatters } from '../i18n/format.js';
import { numberDetail, rpcFailure, stringDetail } from '../shared/rpc-failure.js';

/** The sign-in refusal in the officer's language: how many tries are left, or until when the account is locked. */
export function describeSignInFailure(error: unknown, t: Translate, format: Formatters): string {
  const failure = rpcFailure(error);
  if (failure.code === 'invalid_credentials') {
    const triesLeft = numberDetail(failure, 'triesLeft');
    return triesLeft === undefined ? t('signIn.wrong') : t('signIn.wrongTriesLeft', { triesLeft });
  }
  if (failure.code === 'account_locked') {
    const until = stringDetail(failure, 'lockedUntil');
    return until === undefined ? t('signIn.lockedNoTime') : t('signIn.locked', { until: format.dateTime(new Date(until)) });
  }
  return t('signIn.failed', { message: failure.message });
}

/**
 * A PIN given to the core (sign-in, resume): busy while it checks; on a refusal
 * the PIN is cleared and the reason shown in the officer's language.
 */
export function usePinAttempt() {
  const t = useT();
  const { format } = useLanguage();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const attempt = (call: () => Promise<void>): void => {
    setBusy(true);
    setError(undefined);
    call().then(
      () => undefined,
      (failure: unknown) => {
        setBusy(false);
        setPin('');
        setError(describeSignInFailure(failure, t, format));
      },
    );
  };
  return { pin, setPin, busy, error, setError, attempt };
}
