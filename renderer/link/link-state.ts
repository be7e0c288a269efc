import type { Observable } from 'rxjs';
import type { RpcClient } from '../../main/common/rpc/client.js';

/** What the screen says about its link to the core. */
export type LinkState =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'connected' }
  /** The link dropped; the page retries on its own. */
  | { readonly kind: 'reconnecting'; readonly attempt: number; readonly retryAt: number }
  /** Kiosk only: the core process died and Electron is restarting it. */
  | { readonly kind: 'core-restarting'; readonly attempt: number; readonly retryAt: number }
  /** Kiosk only: the core cannot start (for example an invalid config file). */
  | { readonly kind: 'core-halted'; readonly reason: string }
  /** Served page opened without the #token=… its address carries. */
  | { readonly kind: 'no-token' };

/** A live link to the core: its state, and a client while connected (null otherwise). */
export interface CoreLink {
  readonly state$: Observable<LinkState>;
  readonly client$: Observable<RpcClient | null>;
}
