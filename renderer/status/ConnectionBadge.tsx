import { useEffect, useState } from 'react';
import type { LinkState } from '../link/link-state.js';

function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}

function describe(state: LinkState, now: number): { tone: 'ok' | 'warn' | 'bad'; text: string } {
  switch (state.kind) {
    case 'connecting':
      return { tone: 'warn', text: 'Connecting to the core…' };
    case 'connected':
      return { tone: 'ok', text: 'Connected' };
    case 'reconnecting':
      return { tone: 'warn', text: `Reconnecting (attempt ${String(state.attempt)}, next in ${String(secondsUntil(state.retryAt, now))} s)` };
    case 'core-restarting':
      return { tone: 'warn', text: `The core stopped and is restarting (attempt ${String(state.attempt)}, in ${String(secondsUntil(state.retryAt, now))} s)` };
    case 'core-halted':
      return { tone: 'bad', text: `The core cannot start: ${state.reason}` };
    case 'no-token':
      return { tone: 'bad', text: 'Not connected: open the address that `sahman serve` printed, with its #token=…' };
  }
}

/** The link state, always visible, so a guard never mistakes a frozen screen for a working one. */
export function ConnectionBadge({ state }: { readonly state: LinkState }) {
  const [now, setNow] = useState(() => Date.now());
  const counting = state.kind === 'reconnecting' || state.kind === 'core-restarting';
  useEffect(() => {
    if (!counting) return undefined;
    const timer = setInterval(() => {
      setNow(Date.now());
    }, 250);
    return () => {
      clearInterval(timer);
    };
  }, [counting]);
  const { tone, text } = describe(state, now);
  return (
    <div className={`badge badge-${tone}`} role="status" aria-live="polite" data-testid="link-state" data-state={state.kind}>
      {text}
    </div>
  );
}
