import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A core query kept fresh: loaded at once, again every `everyMs`, and on
 * reload() after the officer acted. A failed load keeps the last value and
 * reports the failure; the next tick tries again.
 */
export function usePolled<T>(load: (() => Promise<T>) | null, everyMs: number, onError: (error: unknown) => void): { readonly value: T | undefined; readonly reload: () => void } {
  const [value, setValue] = useState<T>();
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  const reload = useCallback(() => {
    if (load === null) return;
    load().then(setValue, (error: unknown) => {
      onErrorRef.current(error);
    });
  }, [load]);
  useEffect(() => {
    reload();
    const timer = setInterval(reload, everyMs);
    return () => {
      clearInterval(timer);
    };
  }, [reload, everyMs]);
  return { value, reload };
}
