import { memo, useId, useLayoutEffect, useRef } from 'react';
import type { RpcClient } from '../../main/common/rpc/client.js';
import type { Formatters } from '../i18n/format.js';
import { useLanguage, useT } from '../i18n/I18n.js';
import { ErrorAlert } from '../shared/ErrorAlert.js';
import type { DumpRow } from './hex-dump.js';
import { useRawMonitor } from './use-raw-monitor.js';

/** A row's time to the millisecond: bytes of one document come within a few. */
function rowTime(format: Formatters, at: string): string {
  const date = new Date(at);
  return `${format.clock(date)}.${String(date.getMilliseconds()).padStart(3, '0')}`;
}

/*
 * The dump is three columns side by side, each a block of one line per row: the offset and time,
 * the hex, and the text. The text column then reads as the stream's text, a line of a document
 * no longer cut in two where a row of 16 bytes ends, and each is selected and copied on its own.
 * Rows are memoised: a complete row keeps its view object, so only new rows are drawn.
 */

const GutterLine = memo(function GutterLine({ row, format }: { readonly row: DumpRow; readonly format: Formatters }) {
  return (
    <>
      {row.droppedBefore === 0 ? null : <div className="dump-gap">{'\u00a0'}</div>}
      <div>
        <span className="dump-offset">{row.offset.toString(16).padStart(8, '0')}</span> <span className="dump-time">{rowTime(format, row.at)}</span>
      </div>
    </>
  );
});

const HexLine = memo(function HexLine({ row }: { readonly row: DumpRow }) {
  const t = useT();
  return (
    <>
      {row.droppedBefore === 0 ? null : <div className="dump-gap">{t('readers.raw.gap', { count: row.droppedBefore })}</div>}
      <div>{row.hex}</div>
    </>
  );
});

const TextLine = memo(function TextLine({ row }: { readonly row: DumpRow }) {
  return (
    <>
      {row.droppedBefore === 0 ? null : <div className="dump-gap">{'\u00a0'}</div>}
      <div>{row.text}</div>
    </>
  );
});

/** A reader's bytes as they come, as `sahman monitor --raw` shows them: paused, cleared, and with every byte counted. */
export function RawMonitor({ client, readerId, onSessionFailure }: { readonly client: RpcClient | null; readonly readerId: string | undefined; readonly onSessionFailure: (error: unknown) => void }) {
  const t = useT();
  const { format } = useLanguage();
  const titleId = useId();
  const { view, paused, setPaused, clear } = useRawMonitor(client, readerId, onSessionFailure);
  const dumpRef = useRef<HTMLPreElement>(null);
  const following = useRef(true);

  useLayoutEffect(() => {
    // Follow the newest bytes unless the technician scrolled back to read older ones.
    const element = dumpRef.current;
    if (element !== null && following.current) element.scrollTop = element.scrollHeight;
  }, [view.rows]);

  return (
    <section className="shift-panel raw-monitor" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('readers.raw.title')}</h2>
      {readerId === undefined ? (
        <p className="muted">{t('readers.raw.none')}</p>
      ) : (
        <>
          <div className="button-row">
            <button
              type="button"
              aria-pressed={paused}
              onClick={() => {
                setPaused(!paused);
              }}
            >
              {paused ? t('readers.raw.resume') : t('readers.raw.pause')}
            </button>
            <button
              type="button"
              onClick={() => {
                following.current = true;
                clear();
              }}
            >
              {t('readers.raw.clear')}
            </button>
          </div>
          {/* Not a live region: it changes several times a second. */}
          <p className="raw-totals">
            <span data-testid="raw-received">{t('readers.raw.received', { count: view.totalBytes ?? 0 })}</span>
            <span data-testid="raw-dropped">{t('readers.raw.dropped', { count: view.droppedBytes })}</span>
            {paused ? <span data-testid="raw-paused">{t('readers.raw.whilePaused', { count: view.pausedBytes })}</span> : null}
          </p>
          <ErrorAlert message={view.failure === undefined ? undefined : t('readers.raw.failed', { message: view.failure })} />
          {view.ended ? <p className="muted">{t('readers.raw.ended')}</p> : null}
          <pre
            ref={dumpRef}
            className="raw-dump"
            role="log"
            aria-live="off"
            aria-label={t('readers.raw.dump', { reader: readerId })}
            tabIndex={0}
            onScroll={(event) => {
              const element = event.currentTarget;
              following.current = element.scrollTop + element.clientHeight >= element.scrollHeight - 4;
            }}
          >
            {view.rows.length === 0 ? (
              <div className="muted dump-waiting">{t('readers.raw.waiting', { reader: readerId })}</div>
            ) : (
              <>
                <div className="dump-column dump-gutter">
                  <div className="dump-head" aria-hidden="true">
                    {t('readers.raw.offset')} · {t('readers.raw.time')}
                  </div>
                  {view.rows.map((row) => (
                    <GutterLine key={row.offset} row={row} format={format} />
                  ))}
                </div>
                <div className="dump-column dump-hex">
                  <div className="dump-head" aria-hidden="true">
                    {t('readers.raw.hex')}
                  </div>
                  {view.rows.map((row) => (
                    <HexLine key={row.offset} row={row} />
                  ))}
                </div>
                <div className="dump-column dump-text">
                  <div className="dump-head" aria-hidden="true">
                    {t('readers.raw.text')}
                  </div>
                  {view.rows.map((row) => (
                    <TextLine key={row.offset} row={row} />
                  ))}
                </div>
              </>
            )}
          </pre>
        </>
      )}
    </section>
  );
}
