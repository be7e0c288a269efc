import type { RpcClient } from '../../main/common/rpc/client.js';
import { useT } from '../i18n/I18n.js';
import { BacklogPanel } from './BacklogPanel.js';
import { ExportPanel } from './ExportPanel.js';
import { ThroughputPanel } from './ThroughputPanel.js';

/** The shift at a glance for the supervisor: throughput, the backlog, and the export of any period. */
export function ShiftScreen({ client, onSessionFailure }: { readonly client: RpcClient | null; readonly onSessionFailure: (error: unknown) => void }) {
  const t = useT();
  return (
    <main className="shift-screen">
      <h1 className="visually-hidden">{t('screen.shift')}</h1>
      <div className="shift-grid">
        <ThroughputPanel client={client} onSessionFailure={onSessionFailure} />
        <div className="shift-side">
          <BacklogPanel client={client} />
          <ExportPanel client={client} onSessionFailure={onSessionFailure} />
        </div>
      </div>
    </main>
  );
}
