import { useEffect, useRef } from 'react';

/**
 * Escape, anywhere in the window, calls onEscape while the component is
 * mounted. The latest callback is used without listening again, so a parent
 * that passes a new function on each render costs nothing and an effect that
 * moves the focus on opening is not re-run by it.
 */
export function useEscape(onEscape: () => void): void {
  const onEscapeRef = useRef(onEscape);
  onEscapeRef.current = onEscape;
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') onEscapeRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, []);
}
