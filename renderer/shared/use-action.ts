import { useCallback, useState } from 'react';
import { useFailure } from './use-failure.js';

/** What follows a call, besides the busy flag and the failure: said on success, and what the screen does next. */
export interface RunOptions {
  /** Shown as the outcome once the call succeeds. */
  readonly done?: string | undefined;
  /** Runs only when the call succeeded (e.g. a reload that a failure would make pointless). */
  readonly onDone?: () => void;
  /** Runs either way, after the busy flag is lowered (e.g. a reload, or closing a dialog). */
  readonly onSettled?: () => void;
}

export interface Action {
  readonly busy: boolean;
  readonly error: string | undefined;
  readonly done: string | undefined;
  /** The same report as a failed run, for the screen's own loads. */
  readonly fail: (failure: unknown) => void;
  readonly clear: () => void;
  readonly run: (call: () => Promise<unknown>, options?: RunOptions) => void;
}

/**
 * An officer's action against the core: busy while it runs (so its buttons
 * cannot send it twice), the last failure as useFailure says it (a failure
 * that ends the session goes up too), and the last success's message. A new
 * run forgets the previous outcome, so only the latest one is shown.
 */
export function useAction(onSessionFailure: (error: unknown) => void): Action {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  const { error, fail, clear } = useFailure(onSessionFailure);
  const run = useCallback(
    (call: () => Promise<unknown>, options: RunOptions = {}): void => {
      setBusy(true);
      clear();
      setDone(undefined);
      call()
        .then(() => {
          setDone(options.done);
          options.onDone?.();
        }, fail)
        .finally(() => {
          setBusy(false);
          options.onSettled?.();
        });
    },
    [clear, fail],
  );
  return { busy, error, done, fail, clear, run };
}
