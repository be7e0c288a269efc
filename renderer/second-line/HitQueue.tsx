import { useCallback, useId } from 'react';
import type { OpenHit } from '../../main/common/contract/alert-hits.js';
import type { RpcClient } from '../../main/common/rpc/client.js';
import { useT } from '../i18n/I18n.js';
import { ErrorAlert } from '../shared/ErrorAlert.js';
import { useAction } from '../shared/use-action.js';
import { usePolled } from '../shared/use-polled.js';
import { HitItem, hitTitle } from './HitItem.js';

const POLL_MS = 5_000;

/** Alert-list hits awaiting a supervisor: at a lane, never decided, or referred. */
export function HitQueue({ client, onSessionFailure }: { readonly client: RpcClient | null; readonly onSessionFailure: (error: unknown) => void }) {
  const t = useT();
  const titleId = useId();
  const { busy, error, done, fail, run } = useAction(onSessionFailure);
  const load = useCallback(() => (client === null ? Promise.resolve<OpenHit[]>([]) : client.call('alerts.openHits', {})), [client]);
  const { value: hits, reload } = usePolled(client === null ? null : load, POLL_MS, fail);
  const act = (call: () => Promise<unknown>, said: string): void => {
    run(call, { done: said, onSettled: reload });
  };
  const title = (open: OpenHit): string => hitTitle(open, (number) => t('hits.document', { number }));
  return (
    <section className="second-line-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('hits.title')}</h2>
      <ErrorAlert message={error} />
      {done === undefined ? null : (
        <p role="status" className="message message-ok">
          <span aria-hidden="true">✓ </span>
          {done}
        </p>
      )}
      {hits === undefined ? null : hits.length === 0 ? (
        <p className="muted">{t('hits.empty')}</p>
      ) : (
        <div className="referral-list">
          {hits.map((open) => (
            <HitItem
              key={`${open.assessmentId}:${open.hit.id}`}
              open={open}
              busy={busy}
              onConfirm={(note) => {
                if (client !== null) act(() => client.call('alerts.review', { assessmentId: open.assessmentId, hitId: open.hit.id, finding: 'confirmed', note }), t('hits.reviewed', { finding: 'confirmed', entry: title(open) }));
              }}
              onOverride={(reason) => {
                if (client === null) return;
                const said = t('hits.reviewed', { finding: 'false-match', entry: title(open) });
                // At the lane the override lets the guard decide; afterwards it closes the hit as a false match.
                if (open.state === 'at-lane') act(() => client.call('alerts.override', { assessmentId: open.assessmentId, reason }), said);
                else act(() => client.call('alerts.review', { assessmentId: open.assessmentId, hitId: open.hit.id, finding: 'false-match', note: reason }), said);
              }}
            />
          ))}
        </div>
      )}
    </section>
  );
}
