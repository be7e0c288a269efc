import type { OfficerSummary } from '../../main/common/contract/officers.js';
import type { RpcClient } from '../../main/common/rpc/client.js';
import { useT } from '../i18n/I18n.js';
import { DeadLetterList } from './DeadLetterList.js';
import { HitQueue } from './HitQueue.js';
import { ReferralQueue } from './ReferralQueue.js';
import { VoidList } from './VoidList.js';

/** The supervisor's second line: the queues to work (referrals, alert hits) beside the records to mend (what central refused, voids). */
export function SecondLineScreen({ client, officer, onSessionFailure }: { readonly client: RpcClient | null; readonly officer: OfficerSummary; readonly onSessionFailure: (error: unknown) => void }) {
  const t = useT();
  return (
    <main className="second-line">
      <h1 className="visually-hidden">{t('secondLine.title')}</h1>
      <div className="second-line-grid">
        <div className="second-line-column">
          <ReferralQueue client={client} me={officer.id} onSessionFailure={onSessionFailure} />
          <HitQueue client={client} onSessionFailure={onSessionFailure} />
        </div>
        <div className="second-line-column">
          <DeadLetterList client={client} onSessionFailure={onSessionFailure} />
          <VoidList client={client} onSessionFailure={onSessionFailure} />
        </div>
      </div>
    </main>
  );
}
