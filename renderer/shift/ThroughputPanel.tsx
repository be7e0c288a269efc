import { useCallback, useId, useMemo, useState } from 'react';
import type { LaneHour } from '../../main/common/contract/crossing.js';
import type { RpcClient } from '../../main/common/rpc/client.js';
import { useLanguage, useT } from '../i18n/I18n.js';
import { ErrorAlert } from '../shared/ErrorAlert.js';
import { useFailure } from '../shared/use-failure.js';
import { useNow } from '../shared/use-now.js';
import { usePolled } from '../shared/use-polled.js';
import { HourlyChart, type ChartSeries } from './HourlyChart.js';
import { hourlyTotals, lanesOf, type HourTotals } from './throughput.js';

const POLL_MS = 10_000;
const PERIODS = { shift: 8, day: 24 } as const;
type Period = keyof typeof PERIODS;

const COLOURS = { admitted: '#0e6b2e', refused: '#a3001b', referred: '#8a4b00', entries: '#123f8c', exits: '#6b4c9a' } as const;
type Measure = keyof typeof COLOURS;

/** Crossings per hour by decision and by direction, for the shift or the last day, each chart with its numbers in a table. */
export function ThroughputPanel({ client, onSessionFailure }: { readonly client: RpcClient | null; readonly onSessionFailure: (error: unknown) => void }) {
  const t = useT();
  const { format } = useLanguage();
  const titleId = useId();
  const laneId = useId();
  const now = useNow(POLL_MS);
  const [period, setPeriod] = useState<Period>('shift');
  const [lane, setLane] = useState<number | 'all'>('all');
  const { error, fail } = useFailure(onSessionFailure);
  const load = useCallback(() => (client === null ? Promise.resolve<LaneHour[]>([]) : client.call('supervisor.laneActivity', { hours: PERIODS.day })), [client]);
  const { value: rows } = usePolled(client === null ? null : load, POLL_MS, fail);
  const totals = useMemo(() => hourlyTotals(rows ?? [], lane, PERIODS[period], now), [rows, lane, period, now]);
  const hours = useMemo(() => totals.map((hour) => hour.hour), [totals]);
  const line = useCallback((measure: Measure): ChartSeries => ({ label: t(`shift.${measure}`), colour: COLOURS[measure], values: totals.map((hour) => hour[measure]) }), [t, totals]);
  const decisions = useMemo(() => (['admitted', 'refused', 'referred'] as const).map(line), [line]);
  const directions = useMemo(() => (['entries', 'exits'] as const).map(line), [line]);
  const hourLabel = (hour: number): string => format.clock(new Date(hour)).slice(0, 5);
  return (
    <section className="shift-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('shift.throughput')}</h2>
      <div className="throughput-controls">
        <fieldset className="role-choices">
          <legend>{t('shift.period')}</legend>
          {(['shift', 'day'] as const).map((value) => (
            <label key={value} className="check-option">
              <input type="radio" name="throughput-period" checked={period === value} onChange={() => { setPeriod(value); }} />
              {t(value === 'shift' ? 'shift.thisShift' : 'shift.last24')}
            </label>
          ))}
        </fieldset>
        <div className="field-row">
          <label htmlFor={laneId}>{t('shift.lane')}</label>
          <select id={laneId} value={String(lane)} onChange={(event) => { setLane(event.target.value === 'all' ? 'all' : Number(event.target.value)); }}>
            <option value="all">{t('shift.allLanes')}</option>
            {lanesOf(rows ?? []).map((number) => (
              <option key={number} value={String(number)}>
                {t('shift.laneN', { lane: number })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorAlert message={error} />
      <ChartWithTable title={t('shift.byDecision', { period })} hours={hours} series={decisions} totals={totals} columns={['admitted', 'refused', 'referred']} hourLabel={hourLabel} />
      <ChartWithTable title={t('shift.byDirection', { period })} hours={hours} series={directions} totals={totals} columns={['entries', 'exits']} hourLabel={hourLabel} />
    </section>
  );
}

function ChartWithTable({
  title,
  hours,
  series,
  totals,
  columns,
  hourLabel,
}: {
  readonly title: string;
  readonly hours: readonly number[];
  readonly series: readonly ChartSeries[];
  readonly totals: readonly HourTotals[];
  readonly columns: readonly Measure[];
  readonly hourLabel: (hour: number) => string;
}) {
  const t = useT();
  return (
    <div className="chart-with-table">
      <HourlyChart title={title} hourLabel={t('shift.hour')} hours={hours} series={series} />
      <div className="chart-table">
        <table className="officer-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('shift.hour')}</th>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {t(`shift.${column}`)}
                </th>
              ))}
              <th scope="col">{t('shift.total')}</th>
            </tr>
          </thead>
          <tbody>
            {[...totals].reverse().map((hour) => (
              <tr key={hour.hour}>
                <th scope="row">{hourLabel(hour.hour)}</th>
                {columns.map((column) => (
                  <td key={column}>{hour[column]}</td>
                ))}
                <td>{columns.reduce((sum, column) => sum + hour[column], 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
