/**
 * Counts over time as chart geometry: a step line where every change is dated (ILRS members),
 * points joined by a dashed line where only some counts are known (Artemis Accords). One panel
 * per series, each with its own count axis, on one time axis. Pure: numbers and path strings.
 */
import type { CountSeries } from './membership.ts';

export interface Tick {
  value: number;
  /** Position along the axis, in the chart's units. */
  at: number;
  label: string;
}

export interface ChartPanel {
  key: string;
  label: string;
  kind: CountSeries['kind'];
  /** Top of the panel's plot area. */
  top: number;
  height: number;
  yTicks: Tick[];
  /** The line: steps, or segments between reported counts. */
  d: string;
  points: { x: number; y: number; count: number; date: Date; listedOnly: boolean }[];
  last: { x: number; y: number; count: number; date: Date };
}

export interface CountChart {
  width: number;
  height: number;
  plot: { left: number; right: number };
  xTicks: Tick[];
  panels: ChartPanel[];
}

const round = (n: number) => Math.round(n * 10) / 10;

/** A round maximum for a count axis, and its tick step. */
export function niceMax(max: number): { max: number; step: number } {
  const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500];
  const step = steps.find((s) => max / s <= 4) ?? Math.ceil(max / 4);
  return { max: Math.max(step, Math.ceil(max / step) * step), step };
}

export function getCountChart(series: readonly CountSeries[], { width = 560, panelHeight = 150, gap = 50 } = {}): CountChart {
  const left = 40;
  // Room on the right for the last year's label, centred on its tick.
  const right = width - 28;
  const dated = series.flatMap((s) => s.points.map((p) => p.date.getTime()));
  const firstYear = new Date(Math.min(...dated)).getUTCFullYear();
  const lastYear = new Date(Math.max(...dated)).getUTCFullYear() + 1;
  const t0 = Date.UTC(firstYear, 0, 1);
  const t1 = Date.UTC(lastYear, 0, 1);
  const x = (d: Date) => round(left + ((d.getTime() - t0) / (t1 - t0)) * (right - left));
  const xTicks: Tick[] = [];
  for (let y = firstYear; y <= lastYear; y++) xTicks.push({ value: y, at: x(new Date(Date.UTC(y, 0, 1))), label: String(y) });

  const panels: ChartPanel[] = series.map((s, i) => {
    const top = 24 + i * (panelHeight + gap);
    const { max, step } = niceMax(Math.max(...s.points.map((p) => p.count)));
    const y = (n: number) => round(top + panelHeight - (n / max) * panelHeight);
    const yTicks: Tick[] = [];
    for (let n = 0; n <= max; n += step) yTicks.push({ value: n, at: y(n), label: String(n) });
    const points = s.points.map((p) => ({ x: x(p.date), y: y(p.count), count: p.count, date: p.date, listedOnly: p.listedOnly ?? false }));
    let d = '';
    if (s.kind === 'steps') {
      // From zero at the first date, up each step; it ends at the last dated change, the count's as-of date.
      d = `M${points[0]!.x},${y(0)}` + points.map((p, j) => (j === 0 ? `V${p.y}` : `H${p.x}V${p.y}`)).join('');
    } else {
      d = points.map((p, j) => `${j === 0 ? 'M' : 'L'}${p.x},${p.y}`).join('');
    }
    const lastPoint = points.at(-1)!;
    return {
      key: s.key,
      label: s.label,
      kind: s.kind,
      top,
      height: panelHeight,
      yTicks,
      d,
      points,
      last: { x: lastPoint.x, y: lastPoint.y, count: lastPoint.count, date: lastPoint.date },
    };
  });
  return { width, height: 24 + series.length * (panelHeight + gap) - gap + 28, plot: { left, right }, xTicks, panels };
}
