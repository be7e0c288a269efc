import { useEffect, useMemo, useState } from 'react';
import { EMPTY, type Observable } from 'rxjs';
import type { SystemInfo, UptimeEvent } from '../../main/common/contract/rpc-methods.js';
import type { RpcClient } from '../../main/common/rpc/client.js';
import { formatUptime } from '../shared/format.js';
import { useObservable } from '../shared/use-observable.js';
import { ConnectionBadge } from './ConnectionBadge.js';
import { ReadersCard } from './ReadersCard.js';
import type { CoreLink } from '../link/link-state.js';

function Field({ label, value, testId }: { readonly label: string; readonly value: string; readonly testId: string }) {
  return (
    <div className="field">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

/** Fetches the appliance's identity once per client, keeping the last one across reconnects. */
function useSystemInfo(client: RpcClient | null): SystemInfo | undefined {
  const [info, setInfo] = useState<SystemInfo>();
  useEffect(() => {
    if (client === null) return undefined;
    let current = true;
    client.call('system.info', {}).then(
      (value) => {
        if (current) setInfo(value);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [client]);
  return info;
}

/** The appliance status: who this lane is, what runs, and whether the core answers. */
export function StatusScreen({ link }: { readonly link: CoreLink }) {
  const state = useObservable(link.state$, { kind: 'connecting' });
  const client = useObservable(link.client$, null);
  const info = useSystemInfo(client);
  const uptime$ = useMemo<Observable<UptimeEvent>>(
    () => (client === null ? EMPTY : client.stream('system.uptime', { intervalMs: 1000 })),
    [client],
  );
  const uptime = useObservable<UptimeEvent | undefined>(uptime$, undefined);

  return (
    <main className="status">
      <header className="status-header">
        <h1>Sahman</h1>
        <ConnectionBadge state={state} />
      </header>
      <section aria-label="Appliance" className="card">
        <dl className="fields">
          <Field label="Crossing point" value={info ? `${info.crossingPoint.name} (${info.crossingPoint.code})` : '…'} testId="crossing-point" />
          <Field label="Lane" value={info ? String(info.lane) : '…'} testId="lane" />
          <Field label="Default direction" value={info ? info.directionDefault : '…'} testId="direction" />
          <Field label="Appliance" value={info?.applianceId ?? '…'} testId="appliance-id" />
          <Field label="Version" value={info ? `${info.version} (protocol ${String(info.protocolVersion)}, ${info.host})` : '…'} testId="version" />
          <Field label="Core uptime" value={uptime ? formatUptime(uptime.uptimeMs) : '…'} testId="uptime" />
        </dl>
      </section>
      <ReadersCard client={client} />
    </main>
  );
}
