import type { WebContents } from 'electron';

/** The parts of a WebContents this module configures. */
export type HardenableWebContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * The kiosk shows one bundled page and nothing else: it never navigates or
 * follows a redirect, opens no windows and attaches no <webview>. Applied to
 * every WebContents the app creates, not just the main window's.
 */
export function hardenWebContents(contents: HardenableWebContents): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    // will-navigate covers the main frame; the CSP already forbids frames, this stops any that slip through.
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
