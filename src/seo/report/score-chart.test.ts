import { describe, expect, it } from 'vitest';
import { CHART, chartGeometry, chartTable, describeChart, formatAxis, formatMetric, MAX_POINTS, niceCeil, renderChart } from './score-chart.ts';
import type { Budget, Point } from './score-history.ts';

/** Points one day apart, from 1 June 2026. */
const series = (...values: number[]): Point[] => values.map((value, index) => ({ at: new Date(Date.UTC(2026, 5, 1 + index, 10)).toISOString(), value }));
const atLeast = (value: number, level: Budget['level'] = 'error'): Budget => ({ value, level, better: 'higher' });
const atMost = (value: number, level: Budget['level'] = 'warn'): Budget => ({ value, level, better: 'lower' });

// The plot runs from x 48 to 310 and from y 10 (top) to 100 (bottom) of a 320 × 120 chart.
describe('chartGeometry: where each run and the budget are drawn', () => {
  it.each([
    { name: 'two scores at the budget and at 100', values: [90, 100], unit: 'score', budget: atLeast(90), domain: [80, 100], xy: [[48, 55], [310, 10]], budgetY: 55 },
    { name: 'one point, in the middle', values: [98], unit: 'score', budget: atLeast(100), domain: [90, 100], xy: [[179, 28]], budgetY: 10 },
    { name: 'three evenly spaced runs', values: [100, 100, 100], unit: 'score', budget: undefined, domain: [90, 100], xy: [[48, 10], [179, 10], [310, 10]], budgetY: undefined },
    { name: 'a low score widens the range down', values: [40], unit: 'score', budget: atLeast(100), domain: [30, 100], xy: [[179, 87.1]], budgetY: 10 },
    { name: 'LCP over its budget', values: [1200, 2600], unit: 'ms', budget: atMost(2500), domain: [0, 3000], xy: [[48, 64], [310, 22]], budgetY: 25 },
    { name: 'a value far outside the budget keeps both in view', values: [30_000], unit: 'ms', budget: atMost(2500), domain: [0, 40_000], xy: [[179, 32.5]], budgetY: 94.4 },
    { name: 'no layout shift, budget 0.1', values: [0, 0], unit: 'unitless', budget: atMost(0.1, 'error'), domain: [0, 0.15], xy: [[48, 100], [310, 100]], budgetY: 40 },
    { name: 'all zero without a budget', values: [0], unit: 'bytes', budget: undefined, domain: [0, 1024], xy: [[179, 100]], budgetY: undefined },
  ] as const)('$name', ({ values, unit, budget, domain, xy, budgetY }) => {
    const geometry = chartGeometry(series(...values), { unit, budget });
    expect(geometry.domain).toEqual(domain);
    expect(geometry.points.map((point) => [point.x, point.y])).toEqual(xy);
    expect(geometry.budgetY).toBe(budgetY);
  });

  it.each([
    { budget: atLeast(90), values: [89, 90, 91], over: [true, false, false] },
    { budget: atMost(2500), values: [2499, 2500, 2501], over: [false, false, true] },
  ])('marks the runs outside $budget.better is better budget $budget.value', ({ budget, values, over }) => {
    expect(chartGeometry(series(...values), { unit: 'ms', budget }).points.map((point) => point.overBudget)).toEqual(over);
  });

  it('has no points and no budget line without runs', () => {
    expect(chartGeometry([], { unit: 'score', budget: atLeast(100) })).toEqual({ domain: [90, 100], points: [], total: 0 });
  });

  it(`shows only the last ${MAX_POINTS} of a 1,000-run history, across the whole width`, () => {
    const long = series(...Array.from({ length: 1000 }, (_, index) => 1000 + index));
    const geometry = chartGeometry(long, { unit: 'ms' });
    expect(geometry.total).toBe(1000);
    expect(geometry.points).toHaveLength(MAX_POINTS);
    expect(geometry.points[0]!.value).toBe(1940);
    expect([geometry.points[0]!.x, geometry.points.at(-1)!.x]).toEqual([48, 310]);
  });
});

describe('niceCeil', () => {
  it.each([
    [0, 1],
    [0.105, 0.15],
    [2730, 3000],
    [3000, 3000],
    [9100, 10_000],
    [537_600, 600_000],
  ])('%d → %d', (value, expected) => {
    expect(niceCeil(value)).toBe(expected);
  });
});

describe('formatMetric', () => {
  it.each([
    { value: 97.6, unit: 'score', text: '98' },
    { value: 1234.5, unit: 'ms', text: '1,235 ms' },
    { value: 0.0123, unit: 'unitless', text: '0.012' },
    { value: 900, unit: 'bytes', text: '900 bytes' },
    { value: 512_000, unit: 'bytes', text: '500.0 KiB' },
  ] as const)('$value $unit → $text', ({ value, unit, text }) => {
    expect(formatMetric(value, unit)).toBe(text);
  });
});

describe('formatAxis: short labels for the y axis', () => {
  it.each([
    { value: 100, unit: 'score', text: '100' },
    { value: 200, unit: 'ms', text: '200 ms' },
    { value: 2500, unit: 'ms', text: '2.5 s' },
    { value: 40_000, unit: 'ms', text: '40 s' },
    { value: 0.15, unit: 'unitless', text: '0.15' },
    { value: 0, unit: 'bytes', text: '0' },
    { value: 614_400, unit: 'bytes', text: '600 KiB' },
  ] as const)('$value $unit → $text', ({ value, unit, text }) => {
    expect(formatAxis(value, unit)).toBe(text);
  });
});

describe('renderChart', () => {
  const lcp = { label: 'Largest Contentful Paint, /posts/a/', unit: 'ms', budget: atMost(2500) } as const;

  it('draws a small chart: title and description, y range, dashed budget, line, a ring for the run over budget, first and last dates', () => {
    expect(renderChart(series(1200, 2600), { ...lcp, id: 'lcp-a' })).toMatchInlineSnapshot(
      `"<svg xmlns="http://www.w3.org/2000/svg" class="score-chart" viewBox="0 0 320 120" width="320" height="120" role="img" aria-labelledby="lcp-a-title lcp-a-desc"><title id="lcp-a-title">Largest Contentful Paint, /posts/a/</title><desc id="lcp-a-desc">2 runs from 2026-06-01 10:00 to 2026-06-02 10:00: latest 2,600 ms, lowest 1,200 ms, highest 2,600 ms. Budget at most 2,500 ms (warn). 1 run outside it.</desc><line class="axis" x1="48" y1="100" x2="310" y2="100" stroke="currentColor" stroke-opacity="0.4"/><g class="y-labels" font-size="9" fill="currentColor" text-anchor="end"><text x="44" y="13">3 s</text><text x="44" y="100">0 ms</text></g><g class="budget"><line x1="48" y1="25.0" x2="310" y2="25.0" stroke="currentColor" stroke-opacity="0.7" stroke-dasharray="4 3"/><text class="budget-label" x="44" y="28.0" font-size="9" text-anchor="end" fill="currentColor">2.5 s</text></g><polyline class="line" points="48.0,64.0 310.0,22.0" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/><g class="points"><circle cx="48.0" cy="64.0" r="2.5" fill="currentColor"/><circle class="over-budget" cx="310.0" cy="22.0" r="3.5" fill="none" stroke="currentColor" stroke-width="1.5"/></g><g class="x-labels" font-size="9" fill="currentColor"><text x="48" y="114">2026-06-01</text><text x="310" y="114" text-anchor="end">2026-06-02</text></g></svg>"`,
    );
  });

  it.each([
    { name: 'no runs', values: [], has: ['Not measured yet</text>', '<desc id="chart-seo-desc">Not measured in any run yet. Budget at least 100 (error).</desc>'], hasNot: ['<circle', '<polyline', 'class="budget"'] },
    { name: 'one run', values: [100], has: ['<circle cx="179.0" cy="10.0"', 'class="budget"', '1 run on 2026-06-01 10:00'], hasNot: ['<polyline', 'text-anchor="end">2026-06'] },
    { name: 'many runs', values: [92, 96, 100], has: ['<polyline', '3 runs from 2026-06-01 10:00 to 2026-06-03 10:00', '2 runs outside it.'], hasNot: ['Not measured'] },
  ])('$name', ({ values, has, hasNot }) => {
    const svg = renderChart(series(...values), { label: 'SEO', unit: 'score', budget: atLeast(100) });
    for (const text of has) expect(svg).toContain(text);
    for (const text of hasNot) expect(svg).not.toContain(text);
  });

  it('is safe under a strict CSP and in dark mode: no script, event handler, style attribute, font or external reference; colours are currentColor', () => {
    const svg = renderChart(series(1, 2, 3), { label: 'TBT', unit: 'ms', budget: atMost(200) });
    expect(svg).not.toMatch(/<script|\son[a-z]+=|\sstyle=|font-family|href=|url\(/i);
    expect([...svg.matchAll(/(?:fill|stroke)="([^"]+)"/g)].map((match) => match[1]).filter((colour) => colour !== 'currentColor' && colour !== 'none')).toEqual([]);
  });

  it('escapes the label', () => {
    expect(renderChart([], { label: 'SEO, /posts/<b>&"/', unit: 'score', id: 'x' })).toContain('<title id="x-title">SEO, /posts/&lt;b&gt;&amp;&quot;/</title>');
  });

  it('makes its ids from the label unless given one', () => {
    expect(renderChart([], { label: 'LCP, /posts/a/', unit: 'ms' })).toContain('aria-labelledby="chart-lcp-posts-a-title chart-lcp-posts-a-desc"');
  });

  it(`stays small for a 1,000-run history: ${MAX_POINTS} points`, () => {
    const svg = renderChart(series(...Array.from({ length: 1000 }, (_, index) => index)), { label: 'Page weight', unit: 'bytes' });
    expect(svg.match(/<circle/g)).toHaveLength(MAX_POINTS);
    expect(svg).toContain(`The last ${MAX_POINTS} of 1,000 runs`);
    expect(svg.length).toBeLessThan(6 * 1024);
    expect(svg).toContain(`viewBox="0 0 ${CHART.width} ${CHART.height}"`);
  });
});

describe('chartTable: the text beside the chart', () => {
  it('lists each run with its formatted value and whether it kept the budget', () => {
    expect(chartTable(series(1200, 2600), { label: 'LCP', unit: 'ms', budget: atMost(2500) })).toEqual({
      caption: 'LCP (budget at most 2,500 ms (warn))',
      columns: ['Run', 'Value', 'Within budget'],
      rows: [
        ['2026-06-01 10:00', '1,200 ms', 'yes'],
        ['2026-06-02 10:00', '2,600 ms', 'no'],
      ],
    });
  });

  it('has no budget column without a budget, and no rows without runs', () => {
    expect(chartTable([], { label: 'SEO', unit: 'score' })).toEqual({ caption: 'SEO', columns: ['Run', 'Value'], rows: [] });
  });

  it('says when it shows only the last runs, the same ones the chart draws', () => {
    const table = chartTable(series(...Array.from({ length: 1000 }, () => 100)), { label: 'SEO', unit: 'score' });
    expect(table.rows).toHaveLength(MAX_POINTS);
    expect(table.note).toBe(`The last ${MAX_POINTS} of 1,000 runs.`);
  });

  it('describes the chart in words for screen readers', () => {
    expect(describeChart(series(100, 100), { label: 'SEO', unit: 'score', budget: atLeast(100) })).toBe(
      '2 runs from 2026-06-01 10:00 to 2026-06-02 10:00: latest 100, lowest 100, highest 100. Budget at least 100 (error). No run outside it.',
    );
  });
});
