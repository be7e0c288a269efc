import { useCallback, useId, useState } from 'react';
import type { RecentCrossing, RecentCrossings } from '../../main/common/contract/crossing.js';
import type { RpcClient } from '../../main/common/rpc/client.js';
import { useLanguage, useT } from '../i18n/I18n.js';
import { ErrorAlert } from '../shared/ErrorAlert.js';
import { useAction } from '../shared/use-action.js';
import { usePolled } from '../shared/use-polled.js';
import { travellerName } from './traveller-name.js';
import { VoidDialog } from './VoidDialog.js';

const POLL_MS = 10_000;

/** The last day's crossings, newest first, each voidable once with a reason. */
export function VoidList({ client, onSessionFailure }: { readonly client: RpcClient | null; readonly onSessionFailure: (error: unknown) => void }) {
  const t = useT();
  const { format } = useLanguage();
  const titleId = useId();
  const [voiding, setVoiding] = useState<RecentCrossing>();
  const { busy, error, done, fail, clear, run } = useAction(onSessionFailure);
  const load = useCallback(() => (client === null ? Promise.resolve<RecentCrossings>({ crossings: [], damaged: 0 }) : client.call('crossings.recent', { limit: 100 })), [client]);
  const { value: recent, reload } = usePolled(client === null ? null : load, POLL_MS, fail);
  const crossings = recent?.crossings;
  const cancel = useCallback(() => {
    setVoiding(undefined);
  }, []);
  const voidIt = (crossing: RecentCrossing, reason: string): void => {
    if (client === null) return;
    run(() => client.call('crossings.void', { crossingId: crossing.id, reason }), { done: t('voids.done', { name: travellerName(crossing) }), onDone: cancel, onSettled: reload });
  };
  return (
    <section className="second-line-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('voids.title')}</h2>
      <p className="muted">{t('voids.explain')}</p>
      <ErrorAlert message={voiding === undefined ? error : undefined} />
      {done === undefined ? null : (
        <p role="status" className="message message-ok">
          <span aria-hidden="true">✓ </span>
          {done}
        </p>
      )}
      {recent === undefined || recent.damaged === 0 ? null : <ErrorAlert message={t('voids.damaged', { count: recent.damaged })} />}
      {crossings === undefined ? null : crossings.length === 0 ? (
        <p className="muted">{t('voids.empty')}</p>
      ) : (
        <table className="officer-table void-table">
          <thead>
            <tr>
              <th scope="col">{t('voids.time')}</th>
              <th scope="col">{t('voids.traveller')}</th>
              <th scope="col">{t('voids.decision')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('voids.void')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {crossings.map((crossing) => (
              <tr key={crossing.id} className={crossing.voided === null ? undefined : 'voided'}>
                <td>{format.clock(new Date(crossing.recordedAt))}</td>
                <th scope="row">
                  {travellerName(crossing)}
                  <span className="void-document">{t('voids.document', { state: crossing.issuingState, number: crossing.documentNumber, lane: crossing.lane })}</span>
                </th>
                <td>
                  {t('voids.outcome', { outcome: crossing.outcome })}
                  <span className="void-document">{crossing.officerId}</span>
                </td>
                <td>
                  {crossing.voided === null ? (
                    <button
                      type="button"
                      onClick={() => {
                        clear();
                        setVoiding(crossing);
                      }}
                    >
                      {t('voids.void')}
                    </button>
                  ) : (
                    <span>{t('voids.voided', { officer: crossing.voided.officerId, reason: crossing.voided.reason })}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {voiding === undefined ? null : (
        <>
          <VoidDialog
            name={travellerName(voiding)}
            busy={busy}
            onVoid={(reason) => {
              voidIt(voiding, reason);
            }}
            onCancel={cancel}
          />
          {error === undefined ? null : <div className="dialog-error"><ErrorAlert message={error} /></div>}
        </>
      )}
    </section>
  );
}
