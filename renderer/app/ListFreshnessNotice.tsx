import type { AlertListsFreshness } from '../../main/common/contract/alert-lists.js';
import { useT } from '../i18n/I18n.js';
import { StateWord, type Tone } from '../shared/StateWord.js';
import { freshnessNotices } from './list-freshness-text.js';

/**
 * The alert lists' warnings on the status bar, as the core judged them: out of date (the
 * checks still run against what the lane holds) and not received. Each is a status region
 * of its own, named for what it warns of, so it is announced when it appears.
 */
export function ListFreshnessNotice({ freshness }: { readonly freshness: AlertListsFreshness | undefined }) {
  const t = useT();
  const { stale, missing } = freshnessNotices(freshness, t);
  return (
    <>
      <Notice label={t('freshness.staleLabel')} tone="notice" lines={stale} testId="status-lists-stale" />
      <Notice label={t('freshness.missingLabel')} tone="bad" lines={missing} testId="status-lists-missing" />
    </>
  );
}

function Notice({ label, tone, lines, testId }: { readonly label: string; readonly tone: Tone; readonly lines: readonly string[]; readonly testId: string }) {
  if (lines.length === 0) return null;
  return (
    <div className="status-item" role="status" aria-label={label} data-testid={testId}>
      <StateWord tone={tone}>{label}</StateWord>
      {lines.map((line) => (
        <span key={line} className="status-detail">
          {line}
        </span>
      ))}
    </div>
  );
}
