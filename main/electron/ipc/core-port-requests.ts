import { ipcMain, type IpcMainEvent, type WebContents } from 'electron';
import * as z from 'zod';
import { BridgeChannel } from '../../common/contract/core-bridge.js';
import { logShell } from '../log.js';
import { isTrustedSenderFrame } from '../security/ipc-sender.js';

/** The request carries no payload; anything else is not our preload talking. */
const CorePortRequestArguments = z.tuple([]);

/**
 * Listens for the preload's "give me a port" message and passes on only those
 * from the main frame of our app:// page, with no payload. Returns a function
 * that stops listening.
 */
export function handleCorePortRequests(onTrustedRequest: (sender: WebContents) => void): () => void {
  const listener = (event: IpcMainEvent, ...args: unknown[]): void => {
    const frame = event.senderFrame;
    if (!isTrustedSenderFrame(frame)) {
      logShell('warn', 'refused a core port request from an untrusted sender', { url: frame?.url ?? null });
      return;
    }
    if (!CorePortRequestArguments.safeParse(args).success) {
      logShell('warn', 'refused a core port request with an unexpected payload', { url: frame?.url ?? null });
      return;
    }
    onTrustedRequest(event.sender);
  };
  ipcMain.on(BridgeChannel.requestPort, listener);
  return () => {
    ipcMain.removeListener(BridgeChannel.requestPort, listener);
  };
}
