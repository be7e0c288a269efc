import { useEffect, useRef } from 'react';
import { WedgeDecoder } from './wedge-decoder.js';

/** Silence after the last key before a burst is judged. */
const SETTLE_MS = 150;

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * Listens for a keyboard-wedge reader typing into the window (outside any
 * field) and hands each zone it types to `onZone`.
 */
export function useWedge(enabled: boolean, onZone: (text: string) => void): void {
  const onZoneRef = useRef(onZone);
  onZoneRef.current = onZone;
  useEffect(() => {
    if (!enabled) return undefined;
    const decoder = new WedgeDecoder();
    let settle: ReturnType<typeof setTimeout> | undefined;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (isEditable(event.target) || event.ctrlKey || event.altKey || event.metaKey) return;
      const inBurst = decoder.press(event.code, event.shiftKey, event.timeStamp);
      // Inside a burst a key is the reader's, not a command for the page.
      if (inBurst) event.preventDefault();
      clearTimeout(settle);
      settle = setTimeout(() => {
        const zone = decoder.finish();
        if (zone !== undefined) onZoneRef.current(zone);
      }, SETTLE_MS);
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => {
      clearTimeout(settle);
      window.removeEventListener('keydown', onKeyDown, { capture: true });
    };
  }, [enabled]);
}
