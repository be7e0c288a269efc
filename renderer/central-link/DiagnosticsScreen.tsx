import { useState } from 'react';
import type { RpcClient } from '../../main/common/rpc/client.js';
import { useT } from '../i18n/I18n.js';
import { ErrorAlert } from '../shared/ErrorAlert.js';
import { saveFile } from '../shared/save-file.js';
import { useFailure } from '../shared/use-failure.js';

/** The technician's diagnostics: the bundle `sahman diagnostics` writes, with the live state, as a download. */
export function DiagnosticsScreen({ client, onSessionFailure }: { readonly client: RpcClient | null; readonly onSessionFailure: (error: unknown) => void }) {
  const t = useT();
  const { error, fail, clear } = useFailure(onSessionFailure);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string>();
  const download = (): void => {
    if (client === null) return;
    setBusy(true);
    clear();
    setSaved(undefined);
    client
      .call('diagnostics.bundle', {})
      .then((bundle) => {
        const file = `sahman-diagnostics-${bundle.applianceId}-${bundle.generatedAt.slice(0, 19).replace(/[:T-]/g, '')}.json`;
        saveFile(file, [JSON.stringify(bundle, null, 2)], 'application/json');
        const rows = Object.values(bundle.database.rows).reduce((sum, count) => sum + count, 0);
        setSaved(t('diagnostics.saved', { file, rows, lines: bundle.logs.lines.length }));
      }, fail)
      .finally(() => {
        setBusy(false);
      });
  };
  return (
    <main className="audit-screen">
      <h1>{t('diagnostics.title')}</h1>
      <section className="shift-panel" aria-label={t('diagnostics.title')}>
        <p>{t('diagnostics.explain')}</p>
        <button type="button" className="primary take" disabled={busy || client === null} onClick={download}>
          {t('diagnostics.download')}
        </button>
        <ErrorAlert message={error} />
        {saved === undefined ? null : (
          <p role="status" className="message message-ok">
            <span aria-hidden="true">✓ </span>
            {saved}
          </p>
        )}
      </section>
    </main>
  );
}
