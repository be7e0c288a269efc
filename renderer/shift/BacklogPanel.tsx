import { useId } from 'react';
import type { RpcClient } from '../../main/common/rpc/client.js';
import { useLanguage, useT } from '../i18n/I18n.js';
import { useStream } from '../shared/use-stream.js';
import { useSystemInfo } from '../shared/use-system-info.js';
import { backlogOutlook } from './backlog-outlook.js';

/** The lane's sync backlog, with a progress bar and a time to drain from the relay's measured rate while it drains. */
export function BacklogPanel({ client }: { readonly client: RpcClient | null }) {
  const t = useT();
  const { language } = useLanguage();
  const titleId = useId();
  const status = useStream(client, 'sync.status', {});
  const info = useSystemInfo(client);
  if (status === undefined || info === undefined) return null;
  const { lane } = info;
  const outlook = backlogOutlook(status);
  return (
    <section className="shift-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('shift.backlog')}</h2>
      {outlook.kind === 'empty' ? (
        <p>{t('shift.backlogEmpty', { lane })}</p>
      ) : (
        <>
          <p>{t('shift.backlogLane', { lane, count: outlook.count })}</p>
          <progress className="backlog-progress" aria-label={t('shift.backlogProgress')} max={Math.max(outlook.of, 1)} value={outlook.sent} />
          <p>
            {outlook.kind === 'stalled'
              ? t('shift.notDraining', { state: outlook.state })
              : outlook.underAMinute
                ? t('shift.drainingSoon', { rate: new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(outlook.perSecond) })
                : t('shift.draining', { rate: new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(outlook.perSecond), minutes: outlook.minutesLeft })}
          </p>
        </>
      )}
    </section>
  );
}
