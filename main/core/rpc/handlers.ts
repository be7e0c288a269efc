import type { Observable } from 'rxjs';
import type * as z from 'zod';
import type { RpcMethods, RpcStreams } from '../../common/contract/rpc-methods.js';
import type { OfficerSummary } from '../../common/contract/officers.js';

/** Who is signed in on one connection; each connection (window, browser tab) signs in on its own. */
export interface ConnectionAuth {
  readonly officer: OfficerSummary | undefined;
  /** The officer stays signed in but their screen is locked: they resume with their PIN, or sign out. */
  readonly locked: boolean;
  /** Signs this officer in, unlocked, replacing whoever was. */
  signIn(officer: OfficerSummary): void;
  signOut(): void;
  lock(): void;
}

/** What a handler knows about its caller. */
export interface CallContext {
  readonly connectionId: string;
  readonly auth: ConnectionAuth;
  /** Resolves once the link has room again; long streams await it between batches. */
  whenWritable(): Promise<void>;
}

/** The caller of a role-guarded method: the access check lets such calls through only with a signed-in officer. */
export function signedInOfficerId(context: CallContext): string {
  const officer = context.auth.officer;
  if (officer === undefined) throw new Error('a role-guarded method was reached without an officer');
  return officer.id;
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
