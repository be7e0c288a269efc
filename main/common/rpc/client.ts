import { Observable, Subject, share, takeUntil } from 'rxjs';
import type * as z from 'zod';
import { RpcError } from '../contract/rpc-errors.js';
import { ServerMessage, type ClientMessage, type RequestId } from '../contract/rpc-wire.js';
import {
  rpcMethods,
  rpcStreams,
  type MethodName,
  type MethodParams,
  type MethodResult,
  type StreamName,
  type StreamEvent,
  type StreamParams,
} from '../contract/rpc-methods.js';
import type { RpcTransport } from './transport.js';

interface PendingCall {
  readonly schema: z.ZodType;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface OpenStream {
  readonly schema: z.ZodType;
  next(event: unknown): void;
  error(error: Error): void;
  complete(): void;
}

/**
 * The typed client side of the RPC contract. Calls are promises, streams are
 * cold observables (subscribing sends `subscribe`, unsubscribing `unsubscribe`).
 * Everything the core sends is checked against the contract before use.
 */
export class RpcClient {
  private nextId = 1;
  private readonly calls = new Map<RequestId, PendingCall>();
  private readonly streams = new Map<RequestId, OpenStream>();
  private readonly closed$ = new Subject<void>();
  private closedError: RpcError | undefined;

  constructor(private readonly transport: RpcTransport) {
    transport.messages$.pipe(takeUntil(this.closed$), share()).subscribe({
      next: (text) => {
        this.receive(text);
      },
      error: (error: unknown) => {
        this.shutDown(new RpcError('unavailable', `link to the core failed: ${describe(error)}`));
      },
      complete: () => {
        this.shutDown(new RpcError('unavailable', 'link to the core closed'));
      },
    });
  }

  call<M extends MethodName>(method: M, params: MethodParams<M>): Promise<MethodResult<M>> {
    if (this.closedError) return Promise.reject(this.closedError);
    const id = this.nextId++;
    return new Promise<MethodResult<M>>((resolve, reject) => {
      this.calls.set(id, {
        schema: rpcMethods[method].result,
        resolve,
        reject,
      });
      this.send({ type: 'call', id, method, params });
    });
  }

  stream<S extends StreamName>(name: S, params: StreamParams<S>): Observable<StreamEvent<S>> {
    return new Observable<StreamEvent<S>>((subscriber) => {
      if (this.closedError) {
        subscriber.error(this.closedError);
        return undefined;
      }
      const id = this.nextId++;
      let open = true;
      this.streams.set(id, {
        schema: rpcStreams[name].event,
        next: (event) => {
          subscriber.next(event as StreamEvent<S>);
        },
        error: (error) => {
          open = false;
          subscriber.error(error);
        },
        complete: () => {
          open = false;
          subscriber.complete();
        },
      });
      this.send({ type: 'subscribe', id, stream: name, params });
      return () => {
        this.streams.delete(id);
        if (open && !this.closedError) this.send({ type: 'unsubscribe', id });
      };
    });
  }

  close(): void {
    this.transport.close();
    this.shutDown(new RpcError('unavailable', 'link to the core closed'));
  }

  private send(message: ClientMessage): void {
    this.transport.send(JSON.stringify(message));
  }

  private receive(text: string): void {
    let parsed: ServerMessage;
    try {
      parsed = ServerMessage.parse(JSON.parse(text));
    } catch {
      // A message we cannot read cannot be matched to a request; ignoring it is
      // safer than failing every request on the link.
      return;
    }
    switch (parsed.type) {
      case 'result':
        this.settleCall(parsed.id, parsed.result);
        break;
      case 'error':
        this.fail(parsed.id, new RpcError(parsed.error.code, parsed.error.message, parsed.error.details));
        break;
      case 'event':
        this.deliverEvent(parsed.id, parsed.event);
        break;
      case 'complete': {
        const open = this.streams.get(parsed.id);
        this.streams.delete(parsed.id);
        open?.complete();
        break;
      }
    }
  }

  private settleCall(id: RequestId, result: unknown): void {
    const pending = this.calls.get(id);
    if (!pending) return;
    this.calls.delete(id);
    const checked = pending.schema.safeParse(result);
    if (checked.success) pending.resolve(checked.data);
    else pending.reject(new RpcError('internal', 'the core answered outside the contract'));
  }

  private deliverEvent(id: RequestId, event: unknown): void {
    const open = this.streams.get(id);
    if (!open) return;
    const checked = open.schema.safeParse(event);
    if (checked.success) {
      open.next(checked.data);
      return;
    }
    this.streams.delete(id);
    open.error(new RpcError('internal', 'the core sent an event outside the contract'));
    this.send({ type: 'unsubscribe', id });
  }

  private fail(id: RequestId | null, error: RpcError): void {
    if (id === null) return;
    const pending = this.calls.get(id);
    if (pending) {
      this.calls.delete(id);
      pending.reject(error);
      return;
    }
    const open = this.streams.get(id);
    if (open) {
      this.streams.delete(id);
      open.error(error);
    }
  }

  private shutDown(error: RpcError): void {
    if (this.closedError) return;
    this.closedError = error;
    this.closed$.next();
    for (const pending of this.calls.values()) pending.reject(error);
    for (const open of this.streams.values()) open.error(error);
    this.calls.clear();
    this.streams.clear();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : 'unknown error';
}
