import * as z from 'zod';

/**
 * Messages that carry the core's port and its health between the Electron main
 * process, the core's utilityProcess, the preload and the page. The RPC itself
 * then runs over the port and is described in rpc-wire.ts.
 */

/** Electron main -> core utility process (over process.parentPort); ports[0] is the page's channel. */
export const CoreHostToCoreMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('connect'), clientId: z.string().min(1).max(64) }),
]);
export type CoreHostToCoreMessage = z.infer<typeof CoreHostToCoreMessage>;

/** Core utility process -> Electron main. */
export const CoreToCoreHostMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  /** The core cannot start and restarting will not help (for example an invalid config file). */
  z.object({ type: z.literal('fatal'), reason: z.string().max(2000) }),
]);
export type CoreToCoreHostMessage = z.infer<typeof CoreToCoreHostMessage>;

/** What the guard's screen shows about the core when there is no RPC link to ask it. */
export const CoreLifecycle = z.discriminatedUnion('state', [
  z.object({ state: z.literal('starting') }),
  z.object({ state: z.literal('running') }),
  z.object({
    state: z.literal('restarting'),
    attempt: z.number().int().positive(),
    /** Epoch milliseconds of the next start attempt. */
    nextAttemptAt: z.number(),
  }),
  z.object({ state: z.literal('halted'), reason: z.string().max(2000) }),
]);
export type CoreLifecycle = z.infer<typeof CoreLifecycle>;

/** IPC channel names between the preload and the Electron main process. */
export const BridgeChannel = {
  /** preload -> main: the page is ready for a port (sent on load and after a restart). */
  requestPort: 'sahman:request-core-port',
  /** main -> preload: the port, as event.ports[0]. */
  port: 'sahman:core-port',
  /** main -> preload: a CoreLifecycle. */
  lifecycle: 'sahman:core-lifecycle',
} as const;

/** Preload -> page, through window.postMessage (contextBridge cannot carry a MessagePort). */
export const PageBridgeMessage = z.discriminatedUnion('type', [
  /** ports[0] is a MessagePort to the core. */
  z.object({ type: z.literal('sahman:core-port') }),
  z.object({ type: z.literal('sahman:core-lifecycle'), lifecycle: CoreLifecycle }),
]);
export type PageBridgeMessage = z.infer<typeof PageBridgeMessage>;
