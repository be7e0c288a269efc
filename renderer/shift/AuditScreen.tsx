import { useCallback, useEffect, useId, useState } from 'react';
import type { AuditPage, AuditQuery } from '../../main/common/contract/audit.js';
import type { RpcClient } from '../../main/common/rpc/client.js';
import { useLanguage, useT } from '../i18n/I18n.js';
import { ErrorAlert } from '../shared/ErrorAlert.js';
import { useFailure } from '../shared/use-failure.js';
import { TextField } from '../shared/TextField.js';
import { AUDIT_ACTIONS, actionName, detailsText, localInputInstant } from './audit-labels.js';
import { AuditChain } from './AuditChain.js';

type Filters = Omit<AuditQuery, 'before' | 'limit'>;

/** The audit trail by time, officer and action, with the chain's verification above it. */
export function AuditScreen({ client, onSessionFailure }: { readonly client: RpcClient | null; readonly onSessionFailure: (error: unknown) => void }) {
  const t = useT();
  const { format } = useLanguage();
  const actionId = useId();
  const fromId = useId();
  const toId = useId();
  const [officer, setOfficer] = useState('');
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [filters, setFilters] = useState<Filters>({});
  const [events, setEvents] = useState<AuditPage['events']>();
  const [next, setNext] = useState<number | null>(null);
  const { error, fail, clear } = useFailure(onSessionFailure);
  const load = useCallback(
    (query: Filters, before: number | undefined) => {
      if (client === null) return;
      clear();
      client.call('audit.events', { ...query, ...(before === undefined ? {} : { before }), limit: 100 }).then((page) => {
        setEvents((shown) => (before === undefined ? page.events : [...(shown ?? []), ...page.events]));
        setNext(page.next);
      }, fail);
    },
    [client, fail],
  );
  useEffect(() => {
    load(filters, undefined);
  }, [load, filters]);
  return (
    <main className="audit-screen">
      <h1>{t('audit.title')}</h1>
      <AuditChain client={client} onSessionFailure={onSessionFailure} />
      <form
        className="audit-filters"
        aria-label={t('audit.filters')}
        onSubmit={(event) => {
          event.preventDefault();
          const since = localInputInstant(from);
          const until = localInputInstant(to);
          setFilters({
            ...(officer.trim() === '' ? {} : { officerId: officer.trim() }),
            ...(action === '' ? {} : { action }),
            ...(since === undefined ? {} : { since }),
            ...(until === undefined ? {} : { until }),
          });
        }}
      >
        <TextField label={t('audit.officer')} value={officer} onChange={setOfficer} maxLength={64} />
        <div className="field-row">
          <label htmlFor={actionId}>{t('audit.action')}</label>
          <select id={actionId} value={action} onChange={(event) => { setAction(event.target.value); }}>
            <option value="">{t('audit.anyAction')}</option>
            {AUDIT_ACTIONS.map((name) => (
              <option key={name} value={name}>
                {actionName(t, name)}
              </option>
            ))}
          </select>
        </div>
        <div className="field-row">
          <label htmlFor={fromId}>{t('audit.from')}</label>
          <input id={fromId} type="datetime-local" value={from} onChange={(event) => { setFrom(event.target.value); }} />
        </div>
        <div className="field-row">
          <label htmlFor={toId}>{t('audit.to')}</label>
          <input id={toId} type="datetime-local" value={to} onChange={(event) => { setTo(event.target.value); }} />
        </div>
        <button type="submit" className="primary">
          {t('audit.show')}
        </button>
      </form>
      <ErrorAlert message={error} />
      {events === undefined ? null : events.length === 0 ? (
        <p className="muted">{t('audit.none')}</p>
      ) : (
        <table className="officer-table audit-table">
          <thead>
            <tr>
              <th scope="col">{t('audit.event')}</th>
              <th scope="col">{t('audit.time')}</th>
              <th scope="col">{t('audit.officer')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) =>
              'unreadable' in event ? (
                <tr key={event.chainIndex} className="audit-unreadable">
                  <td>{event.chainIndex}</td>
                  <td colSpan={4}>{t('audit.unreadable')}</td>
                </tr>
              ) : (
                <tr key={event.chainIndex}>
                  <td>{event.chainIndex}</td>
                  <td>{format.dateTime(new Date(event.at))}</td>
                  <td>{event.officerId ?? t('audit.nobody')}</td>
                  <td>{actionName(t, event.action)}</td>
                  <td className="audit-details">{detailsText(event.details)}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      {next === null ? null : (
        <button type="button" onClick={() => { load(filters, next); }}>
          {t('audit.older')}
        </button>
      )}
    </main>
  );
}
