import { useCallback, useId } from 'react';
import type { Referral, ReferralOutcome } from '../../main/common/contract/crossing.js';
import type { RpcClient } from '../../main/common/rpc/client.js';
import { useT } from '../i18n/I18n.js';
import { ErrorAlert } from '../shared/ErrorAlert.js';
import { useAction } from '../shared/use-action.js';
import { useNow } from '../shared/use-now.js';
import { usePolled } from '../shared/use-polled.js';
import { ReferralItem } from './ReferralItem.js';
import { travellerName } from './traveller-name.js';

const POLL_MS = 5_000;

/** The referrals guards sent to second line, longest waiting first. */
export function ReferralQueue({ client, me, onSessionFailure }: { readonly client: RpcClient | null; readonly me: string; readonly onSessionFailure: (error: unknown) => void }) {
  const t = useT();
  const titleId = useId();
  const now = useNow(15_000);
  const { busy, error, done, fail, run } = useAction(onSessionFailure);
  const load = useCallback(() => (client === null ? Promise.resolve<Referral[]>([]) : client.call('referrals.queue', {})), [client]);
  const { value: referrals, reload } = usePolled(client === null ? null : load, POLL_MS, fail);
  const act = (call: () => Promise<unknown>, said?: string): void => {
    run(call, { done: said, onSettled: reload });
  };
  const resolve = (referral: Referral, outcome: ReferralOutcome, reason: string, notes: string): void => {
    if (client === null) return;
    act(() => client.call('referrals.resolve', { referralId: referral.id, outcome, reason, notes }), t('referrals.resolved', { outcome, name: travellerName(referral.document.fields) }));
  };
  return (
    <section className="second-line-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {t('referrals.title')}
        {referrals === undefined || referrals.length === 0 ? null : <span className="count"> · {t('referrals.count', { count: referrals.length })}</span>}
      </h2>
      <ErrorAlert message={error} />
      {done === undefined ? null : (
        <p role="status" className="message message-ok">
          <span aria-hidden="true">✓ </span>
          {done}
        </p>
      )}
      {referrals === undefined ? null : referrals.length === 0 ? (
        <p className="muted">{t('referrals.empty')}</p>
      ) : (
        <div className="referral-list">
          {referrals.map((referral) => (
            <ReferralItem
              key={referral.id}
              referral={referral}
              me={me}
              now={now}
              busy={busy}
              onTake={() => {
                if (client !== null) act(() => client.call('referrals.take', { referralId: referral.id }));
              }}
              onResolve={(outcome, reason, notes) => {
                resolve(referral, outcome, reason, notes);
              }}
            />
          ))}
        </div>
      )}
    </section>
  );
}
