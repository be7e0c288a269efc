import { useMemo } from 'react';
import { EMPTY, catchError, type Observable } from 'rxjs';
import type { StreamEvent, StreamName, StreamParams } from '../../main/common/contract/rpc-methods.js';
import type { RpcClient } from '../../main/common/rpc/client.js';
import { useObservable } from './use-observable.js';

/**
 * The latest event of a core stream while the client is connected. A refused
 * or failed stream keeps the last value: the link state says what is wrong.
 */
export function useStream<S extends StreamName>(client: RpcClient | null, name: S, params: StreamParams<S>, enabled = true): StreamEvent<S> | undefined {
  const key = JSON.stringify(params);
  const source$ = useMemo<Observable<StreamEvent<S> | undefined>>(
    () => (client === null || !enabled ? EMPTY : client.stream(name, JSON.parse(key) as StreamParams<S>).pipe(catchError(() => EMPTY))),
    [client, name, key, enabled],
  );
  return useObservable<StreamEvent<S> | undefined>(source$, undefined);
}
