import { useState, type SyntheticEvent } from 'react';
import { useT } from '../i18n/I18n.js';
import { PinField } from '../shared/PinField.js';
import { TextField } from '../shared/TextField.js';
import { LanguagePicker } from './LanguagePicker.js';
import { usePinAttempt } from './use-pin-attempt.js';
import { ErrorAlert } from '../shared/ErrorAlert.js';

/** Officer ID, PIN and language: the first screen of every shift. */
export function SignInScreen({ connected, onSignIn }: { readonly connected: boolean; readonly onSignIn: (officerId: string, pin: string) => Promise<void> }) {
  const t = useT();
  const [officerId, setOfficerId] = useState('');
  const { pin, setPin, busy, error, setError, attempt } = usePinAttempt();

  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    if (!connected) {
      setError(t('signIn.notConnected'));
      return;
    }
    attempt(() => onSignIn(officerId.trim().toLowerCase(), pin));
  };

  return (
    <main className="centre-screen">
      <form className="panel sign-in" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t('signIn.title')}</h1>
        <TextField label={t('signIn.officerId')} value={officerId} onChange={setOfficerId} autoComplete="username" autoCapitalize="none" spellCheck={false} autoFocus />
        <PinField label={t('signIn.pin')} value={pin} onChange={setPin} />
        <LanguagePicker />
        <ErrorAlert message={error} />
        <button type="submit" className="primary big" disabled={busy || officerId.trim() === '' || pin === ''}>
          {busy ? t('signIn.checking') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
