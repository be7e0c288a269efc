import type { AlertListsFreshness } from '../../main/common/contract/alert-lists.js';
import type { Direction } from '../../main/common/contract/config.js';
import type { OfficerSummary } from '../../main/common/contract/officers.js';
import type { ReaderStatusView } from '../../main/common/contract/readers.js';
import type { SystemInfo } from '../../main/common/contract/rpc-methods.js';
import type { SyncStatus } from '../../main/common/contract/sync-status.js';
import type { LinkState } from '../link/link-state.js';
import { useLanguage, useT } from '../i18n/I18n.js';
import { StateWord, type Tone } from '../shared/StateWord.js';
import { ReaderState } from '../shared/ReaderState.js';
import { useNow } from '../shared/use-now.js';
import { describeLink } from './link-text.js';
import { ListFreshnessNotice } from './ListFreshnessNotice.js';

const SYNC_TONE: Readonly<Record<SyncStatus['state'], Tone>> = { idle: 'ok', sending: 'ok', backoff: 'notice', offline: 'notice', blocked: 'bad' };

/** Always on screen: where this lane is, who works it, whether readers, sync and the alert lists are sound, and the time. */
export function StatusBar({
  link,
  info,
  direction,
  officer,
  readers,
  sync,
  freshness,
}: {
  readonly link: LinkState;
  readonly info: SystemInfo | undefined;
  readonly direction: Direction | undefined;
  readonly officer: OfficerSummary | undefined;
  readonly readers: readonly ReaderStatusView[] | undefined;
  readonly sync: SyncStatus | undefined;
  readonly freshness: AlertListsFreshness | undefined;
}) {
  const t = useT();
  const { format } = useLanguage();
  const now = useNow(1000);
  const linkText = describeLink(link, now.getTime(), t);
  return (
    <footer className="status-bar" aria-label={t('status.bar')}>
      <div className="status-item" data-testid="status-crossing-point">
        <span className="status-label">{t('status.crossingPoint')}</span>
        <span>{info === undefined ? '…' : info.crossingPoint.name}</span>
      </div>
      <div className="status-item" data-testid="status-lane">
        <span>{info === undefined ? '…' : t('status.lane', { lane: info.lane })}</span>
        {direction === undefined ? null : (
          <span data-testid="status-direction">
            <span aria-hidden="true">{direction === 'entry' ? '→ ' : '← '}</span>
            {t(`direction.${direction}`)}
          </span>
        )}
      </div>
      {officer === undefined ? null : (
        <div className="status-item" data-testid="status-officer">
          <span className="status-label">{t('status.officer')}</span>
          <span>{t('shell.officer', { name: officer.displayName, id: officer.id })}</span>
        </div>
      )}
      <div className="status-item" data-testid="status-readers">
        <span className="status-label">{t('status.readers')}</span>
        {readers === undefined ? (
          <span>…</span>
        ) : readers.length === 0 ? (
          <StateWord tone="notice">{t('status.noReaders')}</StateWord>
        ) : (
          readers.map((reader) => (
            <ReaderState key={reader.readerId} reader={reader} testId={`reader-${reader.readerId}`} />
          ))
        )}
      </div>
      {sync === undefined ? null : (
        <div className="status-item" data-testid="status-sync">
          <span className="status-label">{t('status.sync')}</span>
          <StateWord tone={SYNC_TONE[sync.state]}>{t(`sync.${sync.state}`)}</StateWord>
          <span>{t('sync.backlog', { count: sync.backlog })}</span>
        </div>
      )}
      <ListFreshnessNotice freshness={freshness} />
      <div className="status-item" aria-live="polite" data-testid="link-state" data-state={link.kind}>
        <StateWord tone={linkText.tone}>{linkText.text}</StateWord>
      </div>
      <div className="status-item clock" data-testid="status-clock">
        <span className="status-label">{t('status.clock')}</span>
        <time dateTime={now.toISOString()}>{format.clock(now)}</time>
      </div>
    </footer>
  );
}
