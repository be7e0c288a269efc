import type { ReaderStatusView } from '../../main/common/contract/readers.js';
import type { SystemInfo } from '../../main/common/contract/rpc-methods.js';
import type { RpcClient } from '../../main/common/rpc/client.js';
import { useT } from '../i18n/I18n.js';
import { formatUptime } from '../shared/format.js';
import { ReaderState } from '../shared/ReaderState.js';
import { useStream } from '../shared/use-stream.js';


function Field({ label, value, testId }: { readonly label: string; readonly value: string; readonly testId: string }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

/** The appliance at a glance for a technician: who this lane is, what runs, each reader's state and why. */
export function StatusScreen({ client, info, readers }: { readonly client: RpcClient | null; readonly info: SystemInfo | undefined; readonly readers: readonly ReaderStatusView[] | undefined }) {
  const t = useT();
  const uptime = useStream(client, 'system.uptime', { intervalMs: 1000 });
  return (
    <main className="status-screen">
      <h1>{t('statusScreen.title')}</h1>
      <section aria-label={t('statusScreen.appliance')} className="card">
        <dl className="facts">
          <Field label={t('status.crossingPoint')} value={info ? `${info.crossingPoint.name} (${info.crossingPoint.code})` : '…'} testId="crossing-point" />
          <Field label={t('screen.lane')} value={info ? String(info.lane) : '…'} testId="lane" />
          <Field label={t('statusScreen.defaultDirection')} value={info ? t(`direction.${info.directionDefault}`) : '…'} testId="direction" />
          <Field label={t('statusScreen.appliance')} value={info?.applianceId ?? '…'} testId="appliance-id" />
          <Field
            label={t('statusScreen.version')}
            value={info ? t('statusScreen.versionValue', { version: info.version, protocol: info.protocolVersion, host: info.host }) : '…'}
            testId="version"
          />
          <Field label={t('statusScreen.uptime')} value={uptime ? formatUptime(uptime.uptimeMs) : '…'} testId="uptime" />
        </dl>
      </section>
      <section aria-label={t('statusScreen.readers')} className="card">
        <h2>{t('statusScreen.readers')}</h2>
        {readers === undefined ? null : readers.length === 0 ? (
          <p>{t('status.noReaders')}</p>
        ) : (
          <ul className="reader-list">
            {readers.map((reader) => (
              <li key={reader.readerId} data-testid={`status-reader-${reader.readerId}`} data-state={reader.state}>
                <ReaderState reader={reader} />
                {reader.reason === undefined ? null : <span className="muted"> {reader.reason}</span>}
                {reader.device === undefined ? null : <span className="muted device"> {reader.device}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
