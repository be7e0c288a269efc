import { useCallback, useEffect, useId, useState } from 'react';
import type { AuditVerificationView } from '../../main/common/contract/audit.js';
import type { RpcClient } from '../../main/common/rpc/client.js';
import { useLanguage, useT } from '../i18n/I18n.js';
import { ErrorAlert } from '../shared/ErrorAlert.js';
import { rpcFailure } from '../shared/rpc-failure.js';
import { StateWord } from '../shared/StateWord.js';
import { problemText } from './audit-labels.js';

/** The chain's verification from the core: intact, or an alarm naming the first broken link. */
export function AuditChain({ client, onSessionFailure }: { readonly client: RpcClient | null; readonly onSessionFailure: (error: unknown) => void }) {
  const t = useT();
  const { format } = useLanguage();
  const titleId = useId();
  const [result, setResult] = useState<AuditVerificationView>();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string>();
  const verify = useCallback(() => {
    if (client === null) return;
    setRunning(true);
    setError(undefined);
    client
      .call('audit.verify', {})
      .then(setResult, (failure: unknown) => {
        onSessionFailure(failure);
        setError(t('action.failed', { message: rpcFailure(failure).message }));
      })
      .finally(() => {
        setRunning(false);
      });
  }, [client, onSessionFailure, t]);
  useEffect(verify, [verify]);
  return (
    <section className="audit-chain" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('audit.chain')}</h2>
      {result === undefined ? (
        <p role="status">{t('audit.verifying')}</p>
      ) : result.firstBreak === null ? (
        <p role="status">
          <StateWord tone="ok">{t('audit.intact', { events: result.events, checkpoints: result.checkpoints, time: format.clock(new Date(result.verifiedAt)) })}</StateWord>
        </p>
      ) : (
        <p role="alert" className="message message-bad audit-broken">
          <span aria-hidden="true">✕ </span>
          {t('audit.broken', { index: result.firstBreak.chainIndex, problem: problemText(t, result.firstBreak) })}
        </p>
      )}
      <ErrorAlert message={error} />
      <button type="button" disabled={running} onClick={verify}>
        {t('audit.verify')}
      </button>
    </section>
  );
}
