import { useState, type SyntheticEvent } from 'react';
import { useT } from '../i18n/I18n.js';
import { PinField } from '../shared/PinField.js';
import { rpcFailure } from '../shared/rpc-failure.js';
import { ErrorAlert } from '../shared/ErrorAlert.js';

const PIN_SHAPE = /^\d{6,12}$/;

/** After a one-time PIN, nothing else is possible until the officer chooses their own. */
export function ChangePinScreen({ onChangePin, onSignOut }: { readonly onChangePin: (currentPin: string, newPin: string) => Promise<void>; readonly onSignOut: () => void }) {
  const t = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    if (!PIN_SHAPE.test(next)) {
      setError(t('changePin.format'));
      return;
    }
    if (next !== repeat) {
      setError(t('changePin.mismatch'));
      return;
    }
    setBusy(true);
    setError(undefined);
    onChangePin(current, next).then(
      () => undefined,
      (failure: unknown) => {
        setBusy(false);
        setError(t('changePin.failed', { message: rpcFailure(failure).message }));
      },
    );
  };

  return (
    <main className="centre-screen">
      <form className="panel" onSubmit={submit} aria-labelledby="change-pin-title">
        <h1 id="change-pin-title">{t('changePin.title')}</h1>
        <p>{t('changePin.explain')}</p>
        <PinField label={t('changePin.current')} value={current} onChange={setCurrent} autoFocus />
        <PinField label={t('changePin.new')} value={next} onChange={setNext} autoComplete="new-password" />
        <PinField label={t('changePin.repeat')} value={repeat} onChange={setRepeat} autoComplete="new-password" />
        <ErrorAlert message={error} />
        <div className="button-row">
          <button type="submit" className="primary big" disabled={busy || current === '' || next === '' || repeat === ''}>
            {t('changePin.submit')}
          </button>
          <button type="button" className="big" onClick={onSignOut}>
            {t('shell.signOut')}
          </button>
        </div>
      </form>
    </main>
  );
}
