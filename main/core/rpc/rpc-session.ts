import type { Observable, Subscription } from 'rxjs';
import type * as z from 'zod';
import type { Logger } from 'pino';
import { RpcErrorCode, type RpcErrorBody, type RpcErrorDetails } from '../../common/contract/rpc-errors.js';
import {
  ClientMessage,
  MAX_MESSAGE_BYTES,
  RequestId,
  type ServerMessage,
} from '../../common/contract/rpc-wire.js';
import { isMethodName, isStreamName, rpcMethods, rpcStreams } from '../../common/contract/rpc-methods.js';
import type { Access } from '../../common/contract/roles.js';
import type { OfficerSummary } from '../../common/contract/officers.js';
import type { RpcConnection } from './connection.js';
import { rpcErrorOf } from './rpc-error-of.js';
import type { CallContext, ConnectionAuth, RpcHandlers } from './handlers.js';
import { describeIssues } from '../../common/contract/describe-issues.js';

/** Above this many queued bytes a stream waits; a client that never drains is cut off. */
const HIGH_WATER_BYTES = 1024 * 1024;
const SLOW_CONSUMER_BYTES = 16 * 1024 * 1024;
const MAX_STREAMS_PER_CONNECTION = 64;

export interface RpcSessionOptions {
  readonly log: Logger;
  /** A signed-in officer's session locks after this long without a call that needs a role. */
  readonly idleLockMs: number;
  /** Monotonic milliseconds: a wall-clock jump must not lock, end or extend a session. */
  readonly monotonicNow: () => number;
  /** Told once when a session locks by idleness, so it can be audited. */
  readonly onIdleLock?: (officerId: string) => void;
  /**
   * The signed-in officer's account as it is now, or undefined once deactivated: read before each
   * role-guarded call, so a deactivation or a change of roles applies to sessions already open.
   */
  readonly currentOfficer?: (officerId: string) => OfficerSummary | undefined;
  readonly onDispose?: () => void;
}

interface AccessRule {
  readonly access: Access;
  readonly beforePinChange?: true;
  readonly whileLocked?: true;
}

type AnyMethodHandler = (params: unknown, context: CallContext) => unknown;
type AnyStreamHandler = (params: unknown, context: CallContext) => Observable<unknown>;

/** The officer signed in on one connection, whether their screen is locked, and when they last did something that needed a role. */
class SignInState implements ConnectionAuth {
  officer: OfficerSummary | undefined;
  locked = false;
  lastActivity = 0;

  constructor(
    private readonly monotonicNow: () => number,
    /** Told when the signed-in officer's session stops serving them: locked, signed out, or replaced. */
    private readonly onLeave: (why: 'locked' | 'signed-out') => void,
  ) {}

  signIn(officer: OfficerSummary): void {
    if (this.officer !== undefined && this.officer.id !== officer.id) this.onLeave('signed-out');
    this.officer = officer;
    this.locked = false;
    this.lastActivity = this.monotonicNow();
  }

  signOut(): void {
    const wasIn = this.officer !== undefined;
    this.officer = undefined;
    this.locked = false;
    if (wasIn) this.onLeave('signed-out');
  }

  lock(): void {
    if (this.officer === undefined || this.locked) return;
    this.locked = true;
    this.onLeave('locked');
  }

  /** Locks a session idle for longer than `idleLockMs`; the officer it locked, or undefined when nothing changed. */
  lockIfIdle(idleLockMs: number): OfficerSummary | undefined {
    const officer = this.officer;
    if (officer === undefined || this.locked || this.monotonicNow() - this.lastActivity <= idleLockMs) return undefined;
    this.lock();
    return officer;
  }
}

/**
 * Serves the RPC contract on one connection: parses and validates every
 * message, enforces access, runs handlers, and turns every failure into a typed
 * error answer. Nothing a client sends can throw out of here.
 */
export class RpcSession {
  private readonly streams = new Map<RequestId, Subscription>();
  /** Streams that need a role: a locked or signed-out screen must stop receiving them (traveller data among them). */
  private readonly guardedStreams = new Set<RequestId>();
  /** Checks idleness even when no call comes, so that streams stop reaching an unattended screen. */
  private readonly idleCheck: ReturnType<typeof setInterval>;
  private readonly context: CallContext;
  private readonly log: Logger;
  private readonly auth: SignInState;
  private disposed = false;

  constructor(
    private readonly connection: RpcConnection,
    private readonly handlers: RpcHandlers,
    private readonly options: RpcSessionOptions,
  ) {
    this.log = options.log;
    this.auth = new SignInState(options.monotonicNow, (why) => {
      this.endGuardedStreams(why);
    });
    this.idleCheck = setInterval(
      () => {
        try {
          this.lockIfIdle();
        } catch (error) {
          this.log.error({ connection: connection.id, err: error }, 'idle lock check failed');
        }
      },
      Math.max(100, Math.min(5000, options.idleLockMs / 4)),
    );
    this.idleCheck.unref();
    this.context = {
      connectionId: connection.id,
      auth: this.auth,
      whenWritable: () => this.whenWritable(),
    };
  }

  receive(text: string): void {
    if (this.disposed) return;
    if (Buffer.byteLength(text) > MAX_MESSAGE_BYTES) {
      this.log.warn({ connection: this.connection.id }, 'rpc message over the size limit; closing');
      this.connection.close(1009, 'message too big');
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      this.sendError(null, 'invalid_json', 'the message is not valid JSON');
      return;
    }
    const parsed = ClientMessage.safeParse(json);
    if (!parsed.success) {
      this.sendError(recoverId(json), 'invalid_message', 'the message is not a call, subscribe or unsubscribe request');
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'call':
        void this.call(message.id, message.method, message.params);
        break;
      case 'subscribe':
        this.subscribe(message.id, message.stream, message.params);
        break;
      case 'unsubscribe':
        this.unsubscribe(message.id);
        break;
    }
  }

  /** Ends every stream; called when the link closes. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearInterval(this.idleCheck);
    this.options.onDispose?.();
    for (const subscription of this.streams.values()) subscription.unsubscribe();
    this.streams.clear();
  }

  private async call(id: RequestId, method: string, rawParams: unknown): Promise<void> {
    if (!isMethodName(method)) {
      this.sendError(id, 'unknown_method', `no method "${truncate(method)}" in the contract`);
      return;
    }
    const spec = rpcMethods[method];
    // Everything after parsing runs inside the try: even an access check can fail,
    // and every call gets its answer.
    try {
      this.lockIfIdle();
      const params = this.checkParams(id, spec.params, rawParams);
      if (params === undefined || !this.checkAccess(id, spec)) return;
      const handler = this.handlers.methods[method] as AnyMethodHandler;
      const result = spec.result.parse(await handler(params.value, this.context));
      this.send({ type: 'result', id, result });
    } catch (error) {
      this.sendHandlerError(id, method, error);
    }
  }

  private subscribe(id: RequestId, name: string, rawParams: unknown): void {
    if (!isStreamName(name)) {
      this.sendError(id, 'unknown_method', `no stream "${truncate(name)}" in the contract`);
      return;
    }
    if (this.streams.has(id)) {
      this.sendError(id, 'duplicate_id', 'a stream with this id is already open on this connection');
      return;
    }
    if (this.streams.size >= MAX_STREAMS_PER_CONNECTION) {
      this.sendError(id, 'unavailable', `at most ${MAX_STREAMS_PER_CONNECTION} streams per connection`);
      return;
    }
    const spec = rpcStreams[name];
    let subscription: Subscription;
    try {
      this.lockIfIdle();
      const params = this.checkParams(id, spec.params, rawParams);
      if (params === undefined || !this.checkAccess(id, spec)) return;
      const handler = this.handlers.streams[name] as AnyStreamHandler;
      subscription = handler(params.value, this.context).subscribe({
        next: (event) => {
          const checked = spec.event.safeParse(event);
          if (!checked.success) {
            this.endStream(id);
            this.sendHandlerError(id, name, checked.error);
            return;
          }
          if (this.connection.bufferedBytes() > SLOW_CONSUMER_BYTES) {
            this.endStream(id);
            this.sendError(id, 'slow_consumer', 'the client does not read this stream fast enough');
            return;
          }
          this.send({ type: 'event', id, event: checked.data });
        },
        error: (error: unknown) => {
          this.streams.delete(id);
          this.guardedStreams.delete(id);
          this.sendHandlerError(id, name, error);
        },
        complete: () => {
          this.streams.delete(id);
          this.guardedStreams.delete(id);
          this.send({ type: 'complete', id });
        },
      });
    } catch (error) {
      this.sendHandlerError(id, name, error);
      return;
    }
    // A stream that completed synchronously is already over.
    if (subscription.closed) return;
    this.streams.set(id, subscription);
    if (spec.access !== 'anyone') this.guardedStreams.add(id);
  }

  private unsubscribe(id: RequestId): void {
    this.endStream(id);
  }

  /** Ends every stream that needed the officer, each with the error that says why. */
  private endGuardedStreams(why: 'locked' | 'signed-out'): void {
    for (const id of [...this.guardedStreams]) {
      this.endStream(id);
      if (why === 'locked') this.sendError(id, 'session_locked', 'the screen is locked: resume with your PIN, then subscribe again');
      else this.sendError(id, 'unauthenticated', 'signed out: sign in, then subscribe again');
    }
  }

  private endStream(id: RequestId): void {
    this.guardedStreams.delete(id);
    const subscription = this.streams.get(id);
    this.streams.delete(id);
    subscription?.unsubscribe();
  }

  private checkParams(id: RequestId, schema: z.ZodType, raw: unknown): { value: unknown } | undefined {
    const parsed = schema.safeParse(raw ?? {});
    if (parsed.success) return { value: parsed.data };
    const detail = describeIssues(parsed.error, { whole: 'params', maxIssues: 5 });
    this.sendError(id, 'invalid_params', detail);
    return undefined;
  }

  /**
   * Idleness is judged at the next call, on the monotonic clock, before its
   * access check: every method, auth.session included, sees the session as
   * locked once the idle time has passed, and the lock is audited once.
   */
  private lockIfIdle(): void {
    const officer = this.auth.lockIfIdle(this.options.idleLockMs);
    if (officer !== undefined) this.options.onIdleLock?.(officer.id);
  }

  private checkAccess(id: RequestId, rule: AccessRule): boolean {
    if (rule.access === 'anyone') return true;
    const officer = this.auth.officer;
    if (officer === undefined) {
      this.sendError(id, 'unauthenticated', 'sign in first');
      return false;
    }
    if (this.auth.locked && rule.whileLocked !== true) {
      this.sendError(id, 'session_locked', 'the screen is locked: resume with your PIN');
      return false;
    }
    const current = this.options.currentOfficer === undefined ? officer : this.options.currentOfficer(officer.id);
    if (current === undefined) {
      this.auth.signOut();
      this.sendError(id, 'unauthenticated', 'this account was deactivated; signed out');
      return false;
    }
    this.auth.officer = current;
    if (!rule.access.some((role) => current.roles.includes(role))) {
      this.sendError(id, 'forbidden', `needs one of the roles: ${rule.access.join(', ')}`);
      return false;
    }
    if (current.mustChangePin && rule.beforePinChange !== true) {
      this.sendError(id, 'forbidden', 'change your one-time PIN first');
      return false;
    }
    // A locked session's sign-out or lock is not activity: it must not restart the idle time.
    if (!this.auth.locked) this.auth.lastActivity = this.options.monotonicNow();
    return true;
  }

  private sendHandlerError(id: RequestId, name: string, error: unknown): void {
    const wire = rpcErrorOf(error);
    if (wire !== null) {
      this.sendError(id, wire.code, wire.message, wire.details);
      return;
    }
    // Log the method and the fault, never the params: they may hold a traveller's data.
    this.log.error({ connection: this.connection.id, method: name, err: error }, 'rpc handler failed');
    this.sendError(id, 'internal', 'the core could not complete this request; see the core log');
  }

  private sendError(id: RequestId | null, code: RpcErrorCode, message: string, details?: RpcErrorDetails): void {
    const error: RpcErrorBody = { code: RpcErrorCode.parse(code), message, ...(details === undefined ? {} : { details }) };
    this.send({ type: 'error', id, error });
  }

  private send(message: ServerMessage): void {
    if (this.disposed) return;
    try {
      this.connection.send(JSON.stringify(message));
    } catch (error) {
      this.log.warn({ connection: this.connection.id, err: error }, 'rpc send failed');
    }
  }

  private whenWritable(): Promise<void> {
    if (this.connection.bufferedBytes() <= HIGH_WATER_BYTES) return Promise.resolve();
    return new Promise((resolve) => {
      const poll = (): void => {
        if (this.disposed || this.connection.bufferedBytes() <= HIGH_WATER_BYTES) resolve();
        else setTimeout(poll, 1);
      };
      setTimeout(poll, 1);
    });
  }
}

/** Answers a malformed request under its own id when the id itself is readable. */
function recoverId(json: unknown): RequestId | null {
  if (typeof json !== 'object' || json === null || !('id' in json)) return null;
  const id = RequestId.safeParse(json.id);
  return id.success ? id.data : null;
}

function truncate(name: string): string {
  return name.length > 64 ? `${name.slice(0, 64)}…` : name;
}
