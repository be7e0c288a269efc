import { useId, useState } from 'react';
import type { TestScanResult } from '../../main/common/contract/reader-console.js';
import type { RpcClient } from '../../main/common/rpc/client.js';
import { useLanguage, useT } from '../i18n/I18n.js';
import { ErrorAlert } from '../shared/ErrorAlert.js';
import { MrzVerdict } from '../shared/MrzVerdict.js';
import { useFailure } from '../shared/use-failure.js';
import { durationValues } from './device-words.js';

/** How long a test scan waits for a document: long enough to fetch a passport and lay it on the reader. */
export const TEST_SCAN_SECONDS = 30;

type Scanned = Extract<TestScanResult, { outcome: 'scanned' }>;

function ScanReport({ scan }: { readonly scan: Scanned }) {
  const t = useT();
  const { format } = useLanguage();
  const linesId = useId();
  const duration = (ms: number): string => t('readers.test.duration', durationValues(ms));
  return (
    <div className="test-scan-result" data-testid="test-scan-result">
      <p>{t('readers.test.received', { reader: scan.readerId, time: format.clock(new Date(scan.receivedAt)), bytes: scan.bytes })}</p>
      <h3 id={linesId}>{t('readers.test.lines')}</h3>
      <pre className="zone-lines" aria-labelledby={linesId}>
        {scan.lines.join('\n')}
      </pre>
      <p className="card-verdicts">
        <MrzVerdict mrz={scan.mrz} testId="test-scan-verdict" />
        <span>{t('readers.test.format', { format: scan.mrz.format ?? 'none' })}</span>
      </p>
      {scan.mrz.errors.length === 0 ? null : (
        <ul className="test-scan-errors">
          {scan.mrz.errors.map((error, index) => (
            <li key={index}>{t('form.issue', { field: error.field, message: error.message })}</li>
          ))}
        </ul>
      )}
      <h3>{t('readers.test.timings')}</h3>
      <dl className="registration-facts test-scan-timings">
        <dt>{t('readers.test.waited')}</dt>
        <dd data-testid="test-scan-waited">{duration(scan.timings.waitedMs)}</dd>
        <dt>{t('readers.test.transfer')}</dt>
        <dd data-testid="test-scan-transfer">{duration(scan.timings.transferMs)}</dd>
        <dt>{t('readers.test.parse')}</dt>
        <dd data-testid="test-scan-parse">{duration(scan.timings.parseMs)}</dd>
      </dl>
    </div>
  );
}

/** The next document from one reader, parsed and timed, neither recorded nor shown at the lane. */
export function TestScanPanel({ client, readerId, onSessionFailure }: { readonly client: RpcClient | null; readonly readerId: string | undefined; readonly onSessionFailure: (error: unknown) => void }) {
  const t = useT();
  const titleId = useId();
  const { error, fail, clear } = useFailure(onSessionFailure);
  const [waitingOn, setWaitingOn] = useState<string>();
  const [result, setResult] = useState<TestScanResult>();

  const run = (): void => {
    if (client === null || readerId === undefined) return;
    clear();
    setResult(undefined);
    setWaitingOn(readerId);
    client
      .call('readers.testScan', { readerId, timeoutSeconds: TEST_SCAN_SECONDS })
      .then(setResult, fail)
      .finally(() => {
        setWaitingOn(undefined);
      });
  };

  return (
    <section className="shift-panel test-scan" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('readers.test.title')}</h2>
      <p className="muted">{t('readers.test.explain')}</p>
      <button type="button" className="primary take" disabled={client === null || readerId === undefined || waitingOn !== undefined} onClick={run}>
        {t('readers.test.run')}
      </button>
      {readerId === undefined ? <p className="muted">{t('readers.test.chooseReader')}</p> : null}
      <div role="status">
        {waitingOn !== undefined ? (
          <p>{t('readers.test.waiting', { reader: waitingOn, seconds: TEST_SCAN_SECONDS })}</p>
        ) : result?.outcome === 'timeout' ? (
          <p className="message message-bad">
            <span aria-hidden="true">✕ </span>
            {t('readers.test.timeout', { reader: result.readerId, seconds: Math.round(result.waitedMs / 1000) })}
          </p>
        ) : null}
      </div>
      <ErrorAlert message={error} />
      {result?.outcome === 'scanned' ? <ScanReport scan={result} /> : null}
    </section>
  );
}
