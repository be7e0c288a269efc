import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ConfiguredReaderView, ReaderDevices } from '../../main/common/contract/reader-console.js';
import type { ReaderStatusView } from '../../main/common/contract/readers.js';
import type { RpcClient } from '../../main/common/rpc/client.js';
import { useT } from '../i18n/I18n.js';
import { ErrorAlert } from '../shared/ErrorAlert.js';
import { SelectField } from '../shared/SelectField.js';
import { useAction } from '../shared/use-action.js';
import { usePolled } from '../shared/use-polled.js';
import { DeviceList } from './DeviceList.js';
import { RawMonitor } from './RawMonitor.js';
import { ReaderForm } from './ReaderForm.js';
import { ReaderTable } from './ReaderTable.js';
import { RemoveDialog } from './RemoveDialog.js';
import { TestScanPanel } from './TestScanPanel.js';

/** Devices come and go (a USB reader plugged in): the list is read again this often. */
const DEVICES_EVERY_MS = 5000;

type Editing = { readonly kind: 'add' } | { readonly kind: 'edit'; readonly reader: ConfiguredReaderView };

/**
 * The technician's readers: the devices this machine sees, the configured readers with their live
 * state, a form to add or change one (applied without a restart), the raw monitor and the test scan.
 */
export function ReadersScreen({
  client,
  readers,
  onSessionFailure,
}: {
  readonly client: RpcClient | null;
  /** The readers.status stream's latest event, which the app holds for the status bar. */
  readonly readers: readonly ReaderStatusView[] | undefined;
  readonly onSessionFailure: (error: unknown) => void;
}) {
  const t = useT();
  const configuredId = useId();
  const consoleId = useId();
  // Only busy and the failure: the message for a removal is kept below, beside the one for a save.
  const { busy, error, fail, clear, run } = useAction(onSessionFailure);
  const load = useMemo(() => (client === null ? null : (): Promise<ReaderDevices> => client.call('readers.devices', {})), [client]);
  const { value: devices, reload } = usePolled(load, DEVICES_EVERY_MS, fail);
  const [editing, setEditing] = useState<Editing>();
  const [removing, setRemoving] = useState<string>();
  // Kept as a message, not as text, so that it follows a change of language.
  const [done, setDone] = useState<{ readonly id: 'readers.saved' } | { readonly id: 'readers.removed'; readonly reader: string }>();
  const [chosen, setChosen] = useState('');
  // The Remove button that opened the dialog: the focus goes back to it when the dialog closes (the screen behind was inert meanwhile).
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (removing !== undefined) return;
    if (opener.current?.isConnected === true) opener.current.focus();
    opener.current = null;
  }, [removing]);

  const configured = devices?.readers;
  // A reader that was removed or renamed is no longer one to watch.
  useEffect(() => {
    if (configured !== undefined && chosen !== '' && !configured.some((reader) => reader.id === chosen)) setChosen('');
  }, [configured, chosen]);

  const refresh = useCallback(() => {
    clear();
    reload();
  }, [clear, reload]);

  const remove = (id: string): void => {
    if (client === null) return;
    run(() => client.call('readers.remove', { id }), {
      onDone: () => {
        setDone({ id: 'readers.removed', reader: id });
        if (editing?.kind === 'edit' && editing.reader.id === id) setEditing(undefined);
        reload();
      },
      onSettled: () => {
        setRemoving(undefined);
      },
    });
  };

  const readerId = chosen === '' ? undefined : chosen;
  return (
    <main className="readers-screen">
      <div className="readers-content" inert={removing !== undefined}>
        <h1>{t('readers.title')}</h1>
        {done === undefined ? null : (
          <p role="status" className="message message-ok">
            <span aria-hidden="true">✓ </span>
            {done.id === 'readers.saved' ? t('readers.saved') : t('readers.removed', { id: done.reader })}
          </p>
        )}
        <ErrorAlert message={error} />
        <div className="readers-grid">
          <div className="readers-column">
            <section className="shift-panel" aria-labelledby={configuredId}>
              <div className="panel-head">
                <h2 id={configuredId}>{t('readers.configured')}</h2>
                <button
                  type="button"
                  className="primary"
                  disabled={editing?.kind === 'add'}
                  onClick={() => {
                    setDone(undefined);
                    setEditing({ kind: 'add' });
                  }}
                >
                  {t('readers.add')}
                </button>
              </div>
              {editing === undefined ? null : (
                <ReaderForm
                  // A fresh form for each reader: its fields start from that reader's spec.
                  key={editing.kind === 'add' ? '(new)' : editing.reader.id}
                  client={client}
                  editing={editing.kind === 'add' ? undefined : editing.reader}
                  onSaved={() => {
                    setEditing(undefined);
                    setDone({ id: 'readers.saved' });
                    reload();
                  }}
                  onCancel={() => {
                    setEditing(undefined);
                  }}
                  onSessionFailure={onSessionFailure}
                />
              )}
              {configured === undefined ? null : (
                <ReaderTable
                  readers={configured}
                  statuses={readers}
                  disabled={client === null}
                  onEdit={(reader) => {
                    setDone(undefined);
                    setEditing({ kind: 'edit', reader });
                  }}
                  onRemove={(reader) => {
                    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
                    setDone(undefined);
                    setRemoving(reader.id);
                  }}
                />
              )}
            </section>
            <DeviceList devices={devices} onRefresh={refresh} disabled={client === null} />
          </div>
          <div className="readers-column" role="group" aria-labelledby={consoleId}>
            <div className="shift-panel reader-choice">
              <h2 id={consoleId}>{t('readers.console')}</h2>
              <SelectField
                label={t('readers.reader')}
                value={chosen}
                hint={t('readers.consoleHint')}
                choices={[{ value: '', label: t('readers.chooseReader') }, ...(configured ?? []).map((reader) => ({ value: reader.id, label: reader.id }))]}
                onChange={setChosen}
              />
            </div>
            <RawMonitor client={client} readerId={readerId} onSessionFailure={onSessionFailure} />
            <TestScanPanel client={client} readerId={readerId} onSessionFailure={onSessionFailure} />
          </div>
        </div>
      </div>
      {removing === undefined ? null : (
        <RemoveDialog
          id={removing}
          busy={busy}
          onRemove={() => {
            remove(removing);
          }}
          onCancel={() => {
            setRemoving(undefined);
          }}
        />
      )}
    </main>
  );
}
