import { useState, type SyntheticEvent } from 'react';
import { useLanguage, useT, type Translate } from '../i18n/I18n.js';
import type { Formatters } from '../i18n/format.js';
import { PinField } from '../shared/PinField.js';
import { numberDetail, rpcFailure, stringDetail } from '../shared/rpc-failure.js';
import { TextField } from '../shared/TextField.js';
import { LanguagePicker } from './LanguagePicker.js';

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

/** Officer ID, PIN and language: the first screen of every shift. */
export function SignInScreen({ connected, onSignIn }: { readonly connected: boolean; readonly onSignIn: (officerId: string, pin: string) => Promise<void> }) {
  const t = useT();
  const { format } = useLanguage();
  const [officerId, setOfficerId] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    if (!connected) {
      setError(t('signIn.notConnected'));
      return;
    }
    setBusy(true);
    setError(undefined);
    onSignIn(officerId.trim().toLowerCase(), pin).then(
      () => undefined,
      (failure: unknown) => {
        setBusy(false);
        setPin('');
        setError(describeSignInFailure(failure, t, format));
      },
    );
  };

  return (
    <main className="centre-screen">
      <form className="panel sign-in" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t('signIn.title')}</h1>
        <TextField label={t('signIn.officerId')} value={officerId} onChange={setOfficerId} autoComplete="username" autoCapitalize="none" spellCheck={false} autoFocus />
        <PinField label={t('signIn.pin')} value={pin} onChange={setPin} />
        <LanguagePicker />
        {error === undefined ? null : (
          <p role="alert" className="message message-bad">
            <span aria-hidden="true">✕ </span>
            {error}
          </p>
        )}
        <button type="submit" className="primary big" disabled={busy || officerId.trim() === '' || pin === ''}>
          {busy ? t('signIn.checking') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
