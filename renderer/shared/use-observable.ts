import { useEffect, useState } from 'react';
import type { Observable } from 'rxjs';

/** The latest value of an observable, re-rendering on each; `initial` until the first. */
export function useObservable<T>(source$: Observable<T>, initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const subscription = source$.subscribe({
      next: setValue,
      // A failed stream keeps the last value on screen; the link state says what is wrong.
      error: () => undefined,
    });
    return () => {
      subscription.unsubscribe();
    };
  }, [source$]);
  return value;
}
