import { useCallback, useState } from 'react';
import { useT } from '../i18n/I18n.js';
import { rpcFailure } from './rpc-failure.js';

/**
 * A screen's last failed call, said in the officer's language with the
 * core's reason; a failure that ends the session is passed up as well.
 */
export function useFailure(onSessionFailure: (error: unknown) => void): { readonly error: string | undefined; readonly fail: (failure: unknown) => void; readonly clear: () => void } {
  const t = useT();
  const [error, setError] = useState<string>();
  const fail = useCallback(
    (failure: unknown) => {
      onSessionFailure(failure);
      setError(t('action.failed', { message: rpcFailure(failure).message }));
    },
    [onSessionFailure, t],
  );
  const clear = useCallback(() => {
    setError(undefined);
  }, []);
  return { error, fail, clear };
}
