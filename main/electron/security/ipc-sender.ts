import { isAppOriginUrl } from '../protocol/app-origin.js';

/** What sender validation reads from an IPC event's `senderFrame` (Electron's WebFrameMain). */
export interface SenderFrame {
  readonly url: string;
  /** null for a top-level frame. */
  readonly parent: unknown;
}

/**
 * Accepts a message only from the main frame of a page on app://sahman. A null
 * frame (navigated away or destroyed), any subframe and any other origin are
 * refused: only our own bundled UI may ask for a port to the core.
 */
export function isTrustedSenderFrame(frame: SenderFrame | null | undefined): boolean {
  if (frame === null || frame === undefined) return false;
  if (frame.parent !== null) return false;
  return isAppOriginUrl(frame.url);
}
