import type { Observable } from 'rxjs';
import type { z } from 'zod';
import type { RpcMethods, RpcStreams } from '../../common/contract/rpc-methods.js';
import type { Role } from '../../common/contract/roles.js';

/** What a handler knows about its caller. */
export interface CallContext {
  readonly connectionId: string;
  /** The signed-in officer, if any (officers arrive with the capture workflow). */
  readonly officer?: { readonly id: string; readonly roles: readonly Role[] };
  /** Resolves once the link has room again; long streams await it between batches. */
  whenWritable(): Promise<void>;
}

type MethodHandler<K extends keyof RpcMethods> = (
  params: z.output<RpcMethods[K]['params']>,
  context: CallContext,
) => Promise<z.input<RpcMethods[K]['result']>> | z.input<RpcMethods[K]['result']>;

type StreamHandler<K extends keyof RpcStreams> = (
  params: z.output<RpcStreams[K]['params']>,
  context: CallContext,
) => Observable<z.input<RpcStreams[K]['event']>>;

/** One handler per method and stream of the contract; the compiler checks none is missing. */
export interface RpcHandlers {
  readonly methods: { readonly [K in keyof RpcMethods]: MethodHandler<K> };
  readonly streams: { readonly [K in keyof RpcStreams]: StreamHandler<K> };
}
