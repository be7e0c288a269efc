import { useMemo } from 'react';
import { EMPTY, map, type Observable } from 'rxjs';
import type { ReaderStatusView } from '../../main/common/contract/readers.js';
import type { RpcClient } from '../../main/common/rpc/client.js';
import { useObservable } from '../shared/use-observable.js';

const STATE_LABEL: Readonly<Record<ReaderStatusView['state'], string>> = {
  connecting: 'Connecting',
  ready: 'Ready',
  disconnected: 'Disconnected',
  error: 'Error',
};

/** Every configured reader and its state, so a dead reader is seen before the queue builds up. */
export function ReadersCard({ client }: { readonly client: RpcClient | null }) {
  const readers$ = useMemo<Observable<readonly ReaderStatusView[]>>(
    () => (client === null ? EMPTY : client.stream('readers.status', {}).pipe(map((event) => event.readers))),
    [client],
  );
  const readers = useObservable<readonly ReaderStatusView[] | undefined>(readers$, undefined);
  return (
    <section aria-label="Readers" className="card readers">
      <h2>Readers</h2>
      {readers === undefined ? (
        <p className="muted">…</p>
      ) : readers.length === 0 ? (
        <p className="muted" data-testid="no-readers">
          No reader is configured: a technician adds one in the config file.
        </p>
      ) : (
        <ul>
          {readers.map((reader) => (
            <li key={reader.readerId} data-testid={`reader-${reader.readerId}`} data-state={reader.state}>
              <span className={`dot dot-${reader.state}`} aria-hidden="true" />
              <strong>{reader.readerId}</strong> {STATE_LABEL[reader.state]}
              {reader.reason === undefined ? null : <span className="muted"> ({reader.reason.replace(/-/g, ' ')})</span>}
              {reader.device === undefined ? null : <span className="muted device"> {reader.device}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
