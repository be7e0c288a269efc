import { useEffect, useRef } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` once after `idleMs` without a key, pointer or touch. The core
 * locks an idle session by itself too; this makes the screen follow at once
 * instead of at the next call.
 */
export function useIdleLock(active: boolean, idleMs: number | undefined, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;
  useEffect(() => {
    if (!active || idleMs === undefined) return undefined;
    let timer = setTimeout(fire, idleMs);
    function fire(): void {
      onIdleRef.current();
    }
    const restart = (): void => {
      clearTimeout(timer);
      timer = setTimeout(fire, idleMs);
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, restart, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, restart, { capture: true });
    };
  }, [active, idleMs]);
}
