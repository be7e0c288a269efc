import { useEffect, useRef } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** Input is reported to the core at most this often: enough to keep an attended session open. */
const ACTIVITY_REPORT_MS = 30_000;

/**
 * Calls `onIdle` once after `idleMs` without a key, pointer or touch, and
 * `onActivity` (throttled) while the officer works. The core locks a session
 * without calls by itself; the reports keep it open while the officer reads a
 * card or types a document, and the idle call makes the screen lock at once.
 */
export function useIdleLock(active: boolean, idleMs: number | undefined, onIdle: () => void, onActivity: () => void): void {
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;
  const onActivityRef = useRef(onActivity);
  onActivityRef.current = onActivity;
  useEffect(() => {
    if (!active || idleMs === undefined) return undefined;
    let timer = setTimeout(fire, idleMs);
    let reportedAt = performance.now();
    function fire(): void {
      onIdleRef.current();
    }
    const restart = (): void => {
      clearTimeout(timer);
      timer = setTimeout(fire, idleMs);
      if (performance.now() - reportedAt >= Math.min(ACTIVITY_REPORT_MS, idleMs / 2)) {
        reportedAt = performance.now();
        onActivityRef.current();
      }
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, restart, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, restart, { capture: true });
    };
  }, [active, idleMs]);
}
