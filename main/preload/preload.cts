/**
 * The sandboxed preload. It exposes nothing to the page (no contextBridge
 * API): it only asks the main process for a port to the core and hands what
 * arrives to the page with window.postMessage, the one way a MessagePort can
 * cross from the isolated world into the page.
 *
 * A sandboxed preload is CommonJS and may require only 'electron', so the
 * contract cannot be imported at runtime: the channel names below duplicate
 * BridgeChannel and a test keeps the two equal. Types are imported freely.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a .cts file under verbatimModuleSyntax imports CommonJS this way; the sandbox offers require() only.
import electron = require('electron');
import type { BridgeChannel, CoreLifecycle, PageBridgeMessage } from '../common/contract/core-bridge.js';

/** The page's window, typed narrowly: the shell's tsconfig has no DOM library. */
declare const window: {
  readonly location: { readonly origin: string };
  postMessage(message: PageBridgeMessage, targetOrigin: string, transfer?: readonly unknown[]): void;
};

// Typed as the contract's literal strings: a rename there fails the type-check here.
const channels: typeof BridgeChannel = {
  requestPort: 'sahman:request-core-port',
  port: 'sahman:core-port',
  lifecycle: 'sahman:core-lifecycle',
};

const { ipcRenderer } = electron;

/** Posts to our own origin only, so nothing the page may have embedded can read the port. */
function postToPage(message: PageBridgeMessage, transfer?: readonly unknown[]): void {
  window.postMessage(message, window.location.origin, transfer);
}

ipcRenderer.on(channels.port, (event) => {
  postToPage({ type: 'sahman:core-port' }, event.ports);
});

ipcRenderer.on(channels.lifecycle, (_event, lifecycle: CoreLifecycle) => {
  // The main process built this from the CoreLifecycle schema; the page validates it again with zod.
  postToPage({ type: 'sahman:core-lifecycle', lifecycle });
});

ipcRenderer.send(channels.requestPort);
