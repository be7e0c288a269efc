import type { ConfiguredReaderView } from '../../main/common/contract/reader-console.js';
import type { ReaderStatusView } from '../../main/common/contract/readers.js';
import { useT } from '../i18n/I18n.js';
import { ReaderState } from '../shared/ReaderState.js';
import { StateWord } from '../shared/StateWord.js';
import { holderText } from './device-words.js';

/** The configured readers with their spec, live state and device, each with Edit and Remove. */
export function ReaderTable({
  readers,
  statuses,
  onEdit,
  onRemove,
  disabled,
}: {
  readonly readers: readonly ConfiguredReaderView[];
  /** The readers.status stream's latest word on each reader; fresher than the devices list. */
  readonly statuses: readonly ReaderStatusView[] | undefined;
  readonly onEdit: (reader: ConfiguredReaderView) => void;
  readonly onRemove: (reader: ConfiguredReaderView) => void;
  readonly disabled: boolean;
}) {
  const t = useT();
  if (readers.length === 0) return <p className="muted">{t('readers.none')}</p>;
  return (
    <table className="officer-table reader-table">
      <thead>
        <tr>
          <th scope="col">{t('readers.id')}</th>
          <th scope="col">{t('readers.specColumn')}</th>
          <th scope="col">{t('readers.stateColumn')}</th>
          <th scope="col">{t('readers.deviceColumn')}</th>
          <th scope="col">{t('readers.actionsColumn')}</th>
        </tr>
      </thead>
      <tbody>
        {readers.map((reader) => {
          const status = statuses?.find((candidate) => candidate.readerId === reader.id) ?? reader.status;
          const device = status?.device ?? reader.devices.join(', ');
          const elsewhere = reader.heldBy !== undefined && !reader.heldBy.thisAppliance;
          return (
            <tr key={reader.id} data-testid={`reader-${reader.id}`} data-state={status?.state}>
              <th scope="row">{reader.id}</th>
              <td>
                <code className="device spec-text">{reader.spec}</code>
                {reader.problem === undefined ? null : (
                  <p className="field-error">
                    <span aria-hidden="true">✕ </span>
                    {reader.problem}
                  </p>
                )}
              </td>
              <td>
                {status === undefined ? <StateWord tone="neutral">{t('readers.notRunning')}</StateWord> : <ReaderState reader={status} />}
                {status?.reason === undefined ? null : <span className="muted"> {status.reason}</span>}
                {status?.message === undefined ? null : <span className="muted"> {status.message}</span>}
              </td>
              <td>
                {device === '' ? null : <span className="device">{device} </span>}
                <StateWord tone={reader.present ? 'ok' : 'bad'}>{reader.present ? t('readers.present') : t('readers.absent')}</StateWord>
                {elsewhere ? <StateWord tone="bad">{t('readers.heldElsewhere', { holder: holderText(t, reader.heldBy) })}</StateWord> : null}
              </td>
              <td>
                <div className="row-actions">
                  <button
                    type="button"
                    aria-label={t('readers.editLabel', { id: reader.id })}
                    disabled={disabled}
                    onClick={() => {
                      onEdit(reader);
                    }}
                  >
                    {t('readers.edit')}
                  </button>
                  <button
                    type="button"
                    aria-label={t('readers.removeLabel', { id: reader.id })}
                    disabled={disabled}
                    onClick={() => {
                      onRemove(reader);
                    }}
                  >
                    {t('readers.remove')}
                  </button>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
