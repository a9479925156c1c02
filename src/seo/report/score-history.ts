// Scores over time: turns the audit's history (reports/lighthouse/history.jsonl, one JSON run per
// line, written by scripts/lighthouse/report.ts) into one time series per page and metric, and one
// for the whole site. Pure: the file's text (or its parsed lines) in, series and problems out.
//
// A run audits only the pages whose inputs changed; a page missing from a run is unchanged, so it
// gets no point there, and its last value still stands for the site. A score of null (a page with
// no timed runs has no performance score) is "not measured", never zero.
import type { AuditConfig, AuditedCategory } from '../../config/audit-schema.ts';

export type Unit = 'score' | 'ms' | 'unitless' | 'bytes';
export type Better = 'higher' | 'lower';

/** What the charts show, in order: the four categories, then the main metrics with the audit that budgets each. */
export const METRICS = [
  { key: 'performance', label: 'Performance', unit: 'score', better: 'higher' },
  { key: 'accessibility', label: 'Accessibility', unit: 'score', better: 'higher' },
  { key: 'best-practices', label: 'Best practices', unit: 'score', better: 'higher' },
  { key: 'seo', label: 'SEO', unit: 'score', better: 'higher' },
  { key: 'lcpMs', label: 'Largest Contentful Paint', unit: 'ms', better: 'lower', audit: 'largest-contentful-paint' },
  { key: 'cls', label: 'Cumulative Layout Shift', unit: 'unitless', better: 'lower', audit: 'cumulative-layout-shift' },
  { key: 'tbtMs', label: 'Total Blocking Time', unit: 'ms', better: 'lower', audit: 'total-blocking-time' },
  { key: 'bytes', label: 'Page weight', unit: 'bytes', better: 'lower', audit: 'total-byte-weight' },
] as const satisfies readonly { key: string; label: string; unit: Unit; better: Better; audit?: string }[];

export type MetricKey = (typeof METRICS)[number]['key'];
export type Metric = (typeof METRICS)[number];
const METRIC_KEYS: readonly MetricKey[] = METRICS.map((metric) => metric.key);
const CATEGORY_KEYS = new Set<string>(['performance', 'accessibility', 'best-practices', 'seo'] satisfies AuditedCategory[]);
const FACT_KEYS = new Set<string>(['lcpMs', 'cls', 'tbtMs', 'bytes']);

export interface Point {
  /** When the run finished (ISO 8601). */
  at: string;
  value: number;
  /** Site series only: the page the value comes from (the worst page at that run). */
  page?: string;
}

export type SeriesSet = Record<MetricKey, Point[]>;

export interface HistoryProblem {
  /** 1-based line of the history file (or position in the list of entries). */
  line: number;
  /** What is wrong and what happens to it, with the file and line. */
  message: string;
}

export interface ScoreHistory {
  /** The runs for this target and preset, oldest first. */
  runs: { at: string; runDir: string; passed: boolean }[];
  /** The site at each run: the worst value over every page's latest (see worstOf). */
  site: SeriesSet;
  /** Each page ever audited, by path. */
  pages: { path: string; series: SeriesSet }[];
  problems: HistoryProblem[];
}

export interface SeriesOptions {
  /** The audited folder or URL as the history names it (HistoryEntry.target), e.g. "dist". */
  target: string;
  /** "mobile" or "desktop": runs of the other preset are not comparable and are left out. */
  preset: string;
  /** Only these pages (the site's pages today): a removed page's last scores must not hold the site down forever. */
  pages?: ReadonlySet<string>;
  /** The file named in problems. */
  file?: string;
}

export const HISTORY_FILE = 'reports/lighthouse/history.jsonl';

const emptySeries = (): SeriesSet => Object.fromEntries(METRIC_KEYS.map((key) => [key, []])) as unknown as SeriesSet;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The history parsed: the file's text, or its lines (strings are parsed, objects taken as they are); a line that is not JSON becomes a problem. */
function parseLines(history: string | readonly unknown[], file: string, problems: HistoryProblem[]): { line: number; value: unknown }[] {
  const lines = typeof history === 'string' ? history.split('\n') : history;
  return lines.flatMap((item, index) => {
    if (typeof item !== 'string') return [{ line: index + 1, value: item }];
    if (item.trim() === '') return [];
    try {
      return [{ line: index + 1, value: JSON.parse(item) as unknown }];
    } catch {
      problems.push({ line: index + 1, message: `${file}:${index + 1}: not JSON (a run stopped while writing it?); left out of the charts. Delete the line to silence this.` });
      return [];
    }
  });
}

interface Run {
  at: string;
  time: number;
  runDir: string;
  passed: boolean;
  /** path → metric → value, only the values measured in this run. */
  values: Map<string, Partial<Record<MetricKey, number>>>;
}

/** One valid value, or a problem: scores are whole-ish numbers 0–100, metrics numbers ≥ 0, null means not measured. */
function valueOf(raw: unknown, key: MetricKey, where: string, report: (message: string) => void): number | undefined {
  if (raw === null || raw === undefined) return undefined;
  const isScore = CATEGORY_KEYS.has(key);
  if (typeof raw === 'number' && Number.isFinite(raw) && raw >= 0 && (!isScore || raw <= 100)) return raw;
  report(`${where} has ${key} ${JSON.stringify(raw)}, expected ${isScore ? 'a score from 0 to 100' : 'a number ≥ 0'} or null; that value is left out`);
  return undefined;
}

function runOf(value: unknown, line: number, file: string, options: SeriesOptions, problems: HistoryProblem[]): Run | undefined {
  const report = (message: string) => problems.push({ line, message: `${file}:${line}: ${message}.` });
  if (!isRecord(value) || typeof value['at'] !== 'string' || typeof value['target'] !== 'string' || typeof value['preset'] !== 'string' || !isRecord(value['pages'])) {
    report('not a history entry (needs "at", "target", "preset" and "pages"); left out of the charts. Delete the line to silence this');
    return undefined;
  }
  if (value['target'] !== options.target || value['preset'] !== options.preset) return undefined;
  const time = Date.parse(value['at']);
  if (Number.isNaN(time)) {
    report(`"at" is ${JSON.stringify(value['at'])}, not a date; left out of the charts`);
    return undefined;
  }
  const facts = isRecord(value['facts']) ? value['facts'] : {};
  const values = new Map<string, Partial<Record<MetricKey, number>>>();
  for (const path of new Set([...Object.keys(value['pages']), ...Object.keys(facts)])) {
    if (options.pages && !options.pages.has(path)) continue;
    const scores = value['pages'][path];
    const measured = facts[path];
    const page: Partial<Record<MetricKey, number>> = {};
    for (const [source, keys] of [[scores, CATEGORY_KEYS], [measured, FACT_KEYS]] as const) {
      if (source === undefined) continue;
      if (!isRecord(source)) {
        report(`page ${path} is ${JSON.stringify(source)}, expected an object of values; left out`);
        continue;
      }
      for (const key of keys) {
        const number = valueOf(source[key], key as MetricKey, `page ${path}`, report);
        if (number !== undefined) page[key as MetricKey] = number;
      }
    }
    values.set(path, page);
  }
  return { at: value['at'], time, runDir: typeof value['runDir'] === 'string' ? value['runDir'] : '', passed: value['passed'] === true, values };
}

/**
 * The site's value: the worst page's (lowest score, highest LCP/CLS/TBT/bytes). Every budget is per
 * page, so the site's line crosses the budget exactly when some page does; a median would hide the one
 * page that fails.
 */
export function worstOf(values: readonly { page: string; value: number }[], better: Better): { page: string; value: number } | undefined {
  let worst: { page: string; value: number } | undefined;
  for (const item of values) if (!worst || isWorse(item.value, worst.value, better)) worst = item;
  return worst;
}

const isWorse = (value: number, than: number, better: Better) => (better === 'higher' ? value < than : value > than);

export function seriesOf(history: string | readonly unknown[], options: SeriesOptions): ScoreHistory {
  const file = options.file ?? HISTORY_FILE;
  const problems: HistoryProblem[] = [];
  const runs = parseLines(history, file, problems)
    .flatMap(({ line, value }) => runOf(value, line, file, options, problems) ?? [])
    .sort((a, b) => a.time - b.time); // stable: runs of one instant keep the file's order

  const pages = new Map<string, SeriesSet>();
  const site = emptySeries();
  // Each page's latest measured value per metric, carried over the runs that did not audit it, and the
  // worst of them, rescanned only when the worst page itself got better (a 1,000-page site stays linear).
  const latest = new Map<MetricKey, Map<string, number>>(METRIC_KEYS.map((key) => [key, new Map()]));
  const worst = new Map<MetricKey, { page: string; value: number } | undefined>();
  for (const run of runs) {
    for (const [path, values] of run.values) {
      const series = pages.get(path) ?? emptySeries();
      pages.set(path, series);
      for (const metric of METRICS) {
        const value = values[metric.key];
        if (value === undefined) continue;
        series[metric.key].push({ at: run.at, value });
        const known = latest.get(metric.key)!;
        known.set(path, value);
        const current = worst.get(metric.key);
        if (!current || isWorse(value, current.value, metric.better)) worst.set(metric.key, { page: path, value });
        else if (current.page === path && value !== current.value) worst.set(metric.key, worstOf([...known].map(([page, number]) => ({ page, value: number })), metric.better));
      }
    }
    for (const metric of METRICS) {
      const current = worst.get(metric.key);
      if (current) site[metric.key].push({ at: run.at, value: current.value, page: current.page });
    }
  }
  return {
    runs: runs.map(({ at, runDir, passed }) => ({ at, runDir, passed })),
    site,
    pages: [...pages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, series]) => ({ path, series })),
    problems: problems.sort((a, b) => a.line - b.line),
  };
}

export interface Budget {
  value: number;
  /** The level the value is judged at: 'error' fails the audit, 'warn' reports. */
  level: 'error' | 'warn';
  better: Better;
}

/**
 * The budget a chart draws for a metric, from the audit config (src/site.config.ts `audit`): a
 * category's error score if it has one (what fails the build), else its warning score; a metric's
 * maxNumericValue unless its assertion is off.
 */
export function budgetOf(key: MetricKey, budgets: Pick<AuditConfig, 'categories' | 'assertions'>): Budget | undefined {
  const metric = METRICS.find((item) => item.key === key)!;
  if (!('audit' in metric)) {
    const category = budgets.categories[metric.key];
    if (category.error !== undefined) return { value: category.error, level: 'error', better: 'higher' };
    if (category.warn !== undefined) return { value: category.warn, level: 'warn', better: 'higher' };
    return undefined;
  }
  const assertion = budgets.assertions[metric.audit];
  if (assertion === undefined || assertion === 'off' || assertion[0] === 'off' || assertion[1].maxNumericValue === undefined) return undefined;
  return { value: assertion[1].maxNumericValue, level: assertion[0], better: 'lower' };
}
