import { useId, useState } from 'react';
import { lastValueFrom, tap } from 'rxjs';
import type { RpcClient } from '../../main/common/rpc/client.js';
import { useT } from '../i18n/I18n.js';
import { ErrorAlert } from '../shared/ErrorAlert.js';
import { rpcFailure } from '../shared/rpc-failure.js';
import { localInputInstant, localInputValue } from './audit-labels.js';
import { saveFile } from '../shared/save-file.js';

const SHIFT_HOURS = 8;
const MIME = { csv: 'text/csv', jsonl: 'application/x-ndjson' } as const;

/** A period's records as a file the browser saves, assembled from the core's chunks; the core audits the export. */
export function ExportPanel({ client, onSessionFailure }: { readonly client: RpcClient | null; readonly onSessionFailure: (error: unknown) => void }) {
  const t = useT();
  const titleId = useId();
  const fromId = useId();
  const toId = useId();
  const [from, setFrom] = useState(() => localInputValue(new Date(Date.now() - SHIFT_HOURS * 3_600_000)));
  const [to, setTo] = useState(() => localInputValue(new Date(Date.now() + 60_000)));
  const [format, setFormat] = useState<'csv' | 'jsonl'>('csv');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const run = (): void => {
    const since = localInputInstant(from);
    const until = localInputInstant(to);
    if (client === null || since === undefined || until === undefined) return;
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    const parts: string[] = [];
    let records = 0;
    lastValueFrom(
      client.stream('export.records', { since, until, format }).pipe(
        tap((event) => {
          if (event.kind === 'chunk') parts.push(event.text);
          else records = event.records;
        }),
      ),
      { defaultValue: undefined },
    )
      .then(() => {
        const file = `sahman-${since.slice(0, 16).replace(/[:T]/g, '')}-${until.slice(0, 16).replace(/[:T]/g, '')}.${format}`;
        saveFile(file, parts, MIME[format]);
        setDone(t('export.done', { records, file }));
      })
      .catch((failure: unknown) => {
        onSessionFailure(failure);
        setError(t('export.failed', { message: rpcFailure(failure).message }));
      })
      .finally(() => {
        setBusy(false);
      });
  };
  return (
    <section className="shift-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('export.title')}</h2>
      <p className="muted">{t('export.explain')}</p>
      <form
        className="export-form"
        onSubmit={(event) => {
          event.preventDefault();
          run();
        }}
      >
        <div className="field-row">
          <label htmlFor={fromId}>{t('audit.from')}</label>
          <input id={fromId} type="datetime-local" value={from} required onChange={(event) => { setFrom(event.target.value); }} />
        </div>
        <div className="field-row">
          <label htmlFor={toId}>{t('audit.to')}</label>
          <input id={toId} type="datetime-local" value={to} required onChange={(event) => { setTo(event.target.value); }} />
        </div>
        <fieldset className="role-choices">
          <legend>{t('export.format')}</legend>
          {(['csv', 'jsonl'] as const).map((value) => (
            <label key={value} className="check-option">
              <input type="radio" name="export-format" value={value} checked={format === value} onChange={() => { setFormat(value); }} />
              {t(value === 'csv' ? 'export.csv' : 'export.jsonl')}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="primary" disabled={busy || client === null}>
          {t('export.run')}
        </button>
      </form>
      <ErrorAlert message={error} />
      {done === undefined ? null : (
        <p role="status" className="message message-ok">
          <span aria-hidden="true">✓ </span>
          {done}
        </p>
      )}
    </section>
  );
}
