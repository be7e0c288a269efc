import type { MessagePortMain, WebContents } from 'electron';
import { BridgeChannel, type CoreLifecycle } from '../../common/contract/core-bridge.js';
import type { CoreClient } from '../core-host/core-supervisor.js';

/** The parts of a WebContents the bridge uses. */
export type BridgedWebContents = Pick<WebContents, 'id' | 'isDestroyed' | 'send' | 'postMessage'>;

/**
 * A window's page as a core client: lifecycle over plain IPC, the port as a
 * transferred MessagePortMain (the preload hands both on to the page).
 */
export function webContentsCoreClient(contents: BridgedWebContents): CoreClient<MessagePortMain> {
  return {
    id: contents.id,
    isGone: () => contents.isDestroyed(),
    sendLifecycle: (lifecycle: CoreLifecycle) => {
      contents.send(BridgeChannel.lifecycle, lifecycle);
    },
    sendPort: (port) => {
      contents.postMessage(BridgeChannel.port, null, [port]);
    },
  };
}
