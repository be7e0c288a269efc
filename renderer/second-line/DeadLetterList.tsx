import { useCallback, useId } from 'react';
import type { DeadLetter } from '../../main/common/contract/dead-letter.js';
import type { RpcClient } from '../../main/common/rpc/client.js';
import { useLanguage, useT } from '../i18n/I18n.js';
import { ErrorAlert } from '../shared/ErrorAlert.js';
import { useAction } from '../shared/use-action.js';
import { usePolled } from '../shared/use-polled.js';
import { useStream } from '../shared/use-stream.js';

const POLL_MS = 5_000;

/** Items central refused, with its reason; once the cause is fixed each is requeued, and the list shows when central has it. */
export function DeadLetterList({ client, onSessionFailure }: { readonly client: RpcClient | null; readonly onSessionFailure: (error: unknown) => void }) {
  const t = useT();
  const { format } = useLanguage();
  const titleId = useId();
  const { busy, error, fail, run } = useAction(onSessionFailure);
  const load = useCallback(() => (client === null ? Promise.resolve<DeadLetter[]>([]) : client.call('sync.deadLetters', {})), [client]);
  const { value: letters, reload } = usePolled(client === null ? null : load, POLL_MS, fail);
  const status = useStream(client, 'sync.status', {});
  const delivered = status?.deliveredThroughSeq ?? 0;
  const requeue = (seq: number): void => {
    if (client !== null) run(() => client.call('sync.requeue', { seq }), { onSettled: reload });
  };
  return (
    <section className="second-line-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('deadLetters.title')}</h2>
      <p className="muted">{t('deadLetters.explain')}</p>
      <ErrorAlert message={error} />
      {letters === undefined ? null : letters.length === 0 ? (
        <p className="muted">{t('deadLetters.empty')}</p>
      ) : (
        <ul className="dead-letters">
          {letters.map((letter) => (
            <li key={letter.seq} className="card">
              <p>
                <strong>{t('deadLetters.item', { kind: letter.kind, seq: letter.seq, time: format.dateTime(new Date(letter.rejectedAt)) })}</strong>
              </p>
              <p>{t('deadLetters.reason', { reason: letter.reason })}</p>
              {letter.requeuedAs === null ? (
                <button type="button" disabled={busy} onClick={() => { requeue(letter.seq); }}>
                  {t('deadLetters.requeue')}
                </button>
              ) : (
                <p role="status" className="acknowledged">
                  <span aria-hidden="true">{delivered >= letter.requeuedAs ? '✓ ' : '… '}</span>
                  {t('deadLetters.requeued', { seq: letter.requeuedAs, delivered: delivered >= letter.requeuedAs ? 'yes' : 'no' })}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
