import { useEffect, useId, useRef } from 'react';
import uPlot from 'uplot';
import { useLanguage } from '../i18n/I18n.js';

export interface ChartSeries {
  readonly label: string;
  readonly colour: string;
  readonly values: readonly number[];
}

const HEIGHT = 220;

/**
 * Counts per hour as lines, drawn by uPlot on a canvas: an image to a
 * screen reader, named by `title`, with the same numbers in the table the
 * caller puts beside it. Updates replace the data without rebuilding the chart.
 */
export function HourlyChart({ title, hourLabel, hours, series }: { readonly title: string; readonly hourLabel: string; readonly hours: readonly number[]; readonly series: readonly ChartSeries[] }) {
  const { format } = useLanguage();
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const titleId = useId();
  const shape = series.map((line) => `${line.label}:${line.colour}`).join('|');
  useEffect(() => {
    const element = box.current;
    if (element === null) return undefined;
    const made = new uPlot(
      {
        width: Math.max(element.clientWidth, 200),
        height: HEIGHT,
        legend: { show: true },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.1))] } },
        axes: [{ values: (_u, ticks) => ticks.map((tick) => format.clock(new Date(tick * 1000)).slice(0, 5)) }, { size: 40 }],
        // uPlot's own legend would say "Time" and an English date.
        series: [{ label: hourLabel, value: (_u, value) => (Number.isFinite(value) ? format.clock(new Date(value * 1000)).slice(0, 5) : '–') }, ...series.map((line) => ({ label: line.label, stroke: line.colour, width: 3, points: { show: true, size: 6 } }))],
      },
      [[], ...series.map(() => [])],
      element,
    );
    plot.current = made;
    const resize = new ResizeObserver(() => {
      made.setSize({ width: Math.max(element.clientWidth, 200), height: HEIGHT });
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      made.destroy();
      plot.current = null;
    };
    // The chart is rebuilt only when its lines change (a language switch renames them); data changes go through setData.
  }, [shape, format, hourLabel]);
  useEffect(() => {
    plot.current?.setData([hours.map((hour) => hour / 1000), ...series.map((line) => [...line.values])]);
  }, [hours, series, shape, format]);
  return (
    <figure className="hourly-chart" aria-labelledby={titleId}>
      <figcaption id={titleId}>{title}</figcaption>
      <div role="img" aria-label={title} ref={box} />
    </figure>
  );
}
