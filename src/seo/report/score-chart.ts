// A small line chart of one series (see score-history.ts) as an SVG string, and the rows of the text
// table that goes beside it. Pure and deterministic: coordinates have one decimal, values a fixed
// format, dates are UTC. The SVG has no script, no style attribute and no font of its own: it draws
// in currentColor and carries classes, so the page's stylesheet (and its dark mode) colours it under
// a strict CSP.
import type { Budget, Point, Unit } from './score-history.ts';

export const CHART = { width: 320, height: 120, left: 48, right: 10, top: 10, bottom: 20 } as const;

/**
 * A chart shows the most recent runs, at most this many. Capping, not downsampling: every point drawn
 * is a real run that the table beside it lists, and a 1,000-run history stays a few KiB per chart.
 */
export const MAX_POINTS = 60;

export interface ChartOptions {
  /** What the chart shows, e.g. "Largest Contentful Paint, /posts/a/": its title. */
  label: string;
  unit: Unit;
  budget?: Budget | undefined;
  /** Prefix of the title and desc ids; must be unique on the page. Defaults to one made from the label. */
  id?: string;
}

export interface ChartPoint extends Point {
  x: number;
  y: number;
  /** On the wrong side of the budget; undefined without one. */
  overBudget?: boolean;
}

export interface ChartGeometry {
  /** The value at the bottom and at the top of the plot. */
  domain: [number, number];
  points: ChartPoint[];
  /** Where the budget's dashed line runs. */
  budgetY?: number;
  /** Runs in the series, of which `points` are the last (at most MAX_POINTS). */
  total: number;
}

const plot = { x0: CHART.left, x1: CHART.width - CHART.right, y0: CHART.top, y1: CHART.height - CHART.bottom };
const round = (value: number) => Math.round(value * 10) / 10;
const coordinate = (value: number) => value.toFixed(1);

/** The next "round" number at or above value: 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten. */
export function niceCeil(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((candidate) => candidate * magnitude >= value * (1 - 1e-9))!;
  return Number((step * magnitude).toPrecision(12));
}

/** Scores span from a ten below the lowest value or budget up to 100; metrics from 0 to a round number above the highest. */
function domainOf(values: readonly number[], unit: Unit): [number, number] {
  if (unit === 'score') return [Math.max(0, Math.floor((Math.min(...values, 100) - 1) / 10) * 10), 100];
  const top = Math.max(...values, 0) * 1.05;
  // Bytes are labelled in KiB, so their top is a round number of KiB.
  return [0, unit === 'bytes' ? niceCeil(top / 1024) * 1024 : niceCeil(top)];
}

const isOver = (value: number, budget: Budget) => (budget.better === 'higher' ? value < budget.value : value > budget.value);

export function chartGeometry(series: readonly Point[], options: Pick<ChartOptions, 'unit' | 'budget'>): ChartGeometry {
  const shown = series.slice(-MAX_POINTS);
  const { budget } = options;
  const domain = domainOf([...shown.map((point) => point.value), ...(budget ? [budget.value] : [])], options.unit);
  const [low, high] = domain;
  const y = (value: number) => round(plot.y1 - ((value - low) / (high - low)) * (plot.y1 - plot.y0));
  const step = shown.length > 1 ? (plot.x1 - plot.x0) / (shown.length - 1) : 0;
  const points = shown.map((point, index) => ({
    ...point,
    x: round(shown.length === 1 ? (plot.x0 + plot.x1) / 2 : plot.x0 + index * step),
    y: y(point.value),
    ...(budget ? { overBudget: isOver(point.value, budget) } : {}),
  }));
  return { domain, points, ...(budget && shown.length > 0 ? { budgetY: y(budget.value) } : {}), total: series.length };
}

const grouped = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** A value as the report shows it: scores whole, milliseconds grouped, CLS to three decimals, bytes in KiB. */
export function formatMetric(value: number, unit: Unit): string {
  switch (unit) {
    case 'score':
      return String(Math.round(value));
    case 'ms':
      return `${grouped.format(value)} ms`;
    case 'unitless':
      return value.toFixed(3);
    case 'bytes':
      return value >= 1024 ? `${(value / 1024).toFixed(1)} KiB` : `${grouped.format(value)} bytes`;
  }
}

/** A y-axis label, short enough for the chart's margin: seconds from 1,000 ms, whole KiB, no trailing zeros. */
export function formatAxis(value: number, unit: Unit): string {
  const trim = (number: number, digits: number) => String(Number(number.toFixed(digits)));
  switch (unit) {
    case 'score':
      return String(Math.round(value));
    case 'ms':
      return value >= 1000 ? `${trim(value / 1000, 1)} s` : `${Math.round(value)} ms`;
    case 'unitless':
      return trim(value, 3);
    case 'bytes':
      return value === 0 ? '0' : `${trim(value / 1024, 0)} KiB`;
  }
}

/** "2026-06-01 10:00", in UTC so every machine writes the same. */
export function formatRunTime(at: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : date.toISOString().slice(0, 16).replace('T', ' ');
}

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

const idOf = (options: ChartOptions) => (options.id ?? `chart-${options.label}`).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

function budgetText(budget: Budget, unit: Unit): string {
  return `${budget.better === 'higher' ? 'at least' : 'at most'} ${formatMetric(budget.value, unit)} (${budget.level})`;
}

/** The chart's description: what a screen reader says instead of the picture. */
export function describeChart(series: readonly Point[], options: ChartOptions): string {
  const { points, total } = chartGeometry(series, options);
  const budget = options.budget ? `Budget ${budgetText(options.budget, options.unit)}.` : 'No budget.';
  if (points.length === 0) return `Not measured in any run yet. ${budget}`;
  const values = points.map((point) => point.value);
  const format = (value: number) => formatMetric(value, options.unit);
  const runs = total > points.length ? `The last ${points.length} of ${grouped.format(total)} runs` : points.length === 1 ? '1 run' : `${points.length} runs`;
  const span = points.length === 1 ? `on ${formatRunTime(points[0]!.at)}` : `from ${formatRunTime(points[0]!.at)} to ${formatRunTime(points.at(-1)!.at)}`;
  const over = points.filter((point) => point.overBudget).length;
  const overText = options.budget ? ` ${over === 0 ? 'No run' : over === 1 ? '1 run' : `${over} runs`} outside it.` : '';
  return `${runs} ${span}: latest ${format(values.at(-1)!)}, lowest ${format(Math.min(...values))}, highest ${format(Math.max(...values))}. ${budget}${overText}`;
}

export function renderChart(series: readonly Point[], options: ChartOptions): string {
  const id = idOf(options);
  const geometry = chartGeometry(series, options);
  const { points, domain } = geometry;
  const open = `<svg xmlns="http://www.w3.org/2000/svg" class="score-chart" viewBox="0 0 ${CHART.width} ${CHART.height}" width="${CHART.width}" height="${CHART.height}" role="img" aria-labelledby="${id}-title ${id}-desc">`;
  const head = `<title id="${id}-title">${escapeXml(options.label)}</title><desc id="${id}-desc">${escapeXml(describeChart(series, options))}</desc>`;
  const frame = `<line class="axis" x1="${plot.x0}" y1="${plot.y1}" x2="${plot.x1}" y2="${plot.y1}" stroke="currentColor" stroke-opacity="0.4"/>`;
  if (points.length === 0) {
    return `${open}${head}${frame}<text class="empty" x="${(plot.x0 + plot.x1) / 2}" y="${(plot.y0 + plot.y1) / 2 + 4}" text-anchor="middle" font-size="12" fill="currentColor">Not measured yet</text></svg>`;
  }
  const format = (value: number) => escapeXml(formatAxis(value, options.unit));
  const yLabels = `<g class="y-labels" font-size="9" fill="currentColor" text-anchor="end"><text x="${plot.x0 - 4}" y="${plot.y0 + 3}">${format(domain[1])}</text><text x="${plot.x0 - 4}" y="${plot.y1}">${format(domain[0])}</text></g>`;
  // The budget's value sits on the y axis beside its dashed line (inside the plot it would cover the newest
  // points); left out when the line runs at the top or bottom, where that label already is.
  const budgetY = geometry.budgetY;
  const budgetLabel = budgetY !== undefined && options.budget && budgetY - plot.y0 >= 10 && plot.y1 - budgetY >= 10 ? `<text class="budget-label" x="${plot.x0 - 4}" y="${coordinate(budgetY + 3)}" font-size="9" text-anchor="end" fill="currentColor">${format(options.budget.value)}</text>` : '';
  const budget = budgetY !== undefined ? `<g class="budget"><line x1="${plot.x0}" y1="${coordinate(budgetY)}" x2="${plot.x1}" y2="${coordinate(budgetY)}" stroke="currentColor" stroke-opacity="0.7" stroke-dasharray="4 3"/>${budgetLabel}</g>` : '';
  const line = points.length > 1 ? `<polyline class="line" points="${points.map((point) => `${coordinate(point.x)},${coordinate(point.y)}`).join(' ')}" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/>` : '';
  // A point outside the budget is a ring, not a dot: told apart by shape, not by colour alone.
  const dots = points
    .map((point) => (point.overBudget ? `<circle class="over-budget" cx="${coordinate(point.x)}" cy="${coordinate(point.y)}" r="3.5" fill="none" stroke="currentColor" stroke-width="1.5"/>` : `<circle cx="${coordinate(point.x)}" cy="${coordinate(point.y)}" r="2.5" fill="currentColor"/>`))
    .join('');
  const first = points[0]!;
  const last = points.at(-1)!;
  const xLabels =
    `<g class="x-labels" font-size="9" fill="currentColor"><text x="${plot.x0}" y="${CHART.height - 6}">${escapeXml(formatRunTime(first.at).slice(0, 10))}</text>` +
    (points.length > 1 ? `<text x="${plot.x1}" y="${CHART.height - 6}" text-anchor="end">${escapeXml(formatRunTime(last.at).slice(0, 10))}</text>` : '') +
    '</g>';
  return `${open}${head}${frame}${yLabels}${budget}${line}<g class="points">${dots}</g>${xLabels}</svg>`;
}

export interface ChartTable {
  caption: string;
  /** Column headings: when, the value, and whether it kept the budget (only with a budget). */
  columns: string[];
  /** One row per run the chart shows, oldest first; cells already formatted. */
  rows: string[][];
  /** Set when the chart shows only the last MAX_POINTS runs. */
  note?: string;
}

/** The text table beside a chart: the same runs, the same numbers. */
export function chartTable(series: readonly Point[], options: ChartOptions): ChartTable {
  const { points, total } = chartGeometry(series, options);
  const { budget } = options;
  return {
    caption: budget ? `${options.label} (budget ${budgetText(budget, options.unit)})` : options.label,
    columns: ['Run', 'Value', ...(budget ? ['Within budget'] : [])],
    rows: points.map((point) => [formatRunTime(point.at), formatMetric(point.value, options.unit), ...(budget ? [point.overBudget ? 'no' : 'yes'] : [])]),
    ...(total > points.length ? { note: `The last ${points.length} of ${grouped.format(total)} runs.` } : {}),
  };
}
