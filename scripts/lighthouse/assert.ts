// Assert: judges collected Lighthouse results against the budgets. Pure: results and budgets in,
// verdicts out, so every rule is tested with small fake results.
//
// Each page has one deterministic run (accessibility, best practices, SEO and the performance facts
// that load cannot move) and, for the pages chosen for timing, N timed performance runs judged on their
// median. A timing check at level 'error' is reported as a warning instead when the machine's load
// throttled the timed runs: a busy machine must never fail a healthy page.
import { AUDITED_CATEGORIES, isTimingCheck, type AuditAssertion, type AuditConfig, type AuditedCategory } from '../../src/config/audit-schema.ts';
import { median } from '../../src/lib/median.ts';
import type { ManifestEntry } from './collect.ts';
import { docsLink, type AuditResultLike, type LighthouseResultLike } from './lighthouse-result.ts';

export type Level = 'error' | 'warn';

export interface Cause {
  id: string;
  title: string;
  found: string;
  docs?: string;
}

export interface Finding {
  level: Level;
  /** A category id, an audit id, or "audit-failed" when Lighthouse could not audit the page. */
  id: string;
  title: string;
  expected: string;
  found: string;
  docs?: string;
  /** For a category under budget: the audits that cost it points, worst first. */
  causes?: Cause[];
  /** Set when an error-level timing check was reported as a warning because load throttled the runs. */
  notFailedBecause?: string;
}

/** Measured facts shown in the summary: bytes, requests and CLS from the deterministic run, timings as medians of the timed runs. */
export interface PageFacts {
  lcpMs?: number;
  cls?: number;
  tbtMs?: number;
  bytes?: number;
  requests?: number;
}

/** What the machine was doing during a page's timed runs (see machine-load.ts). */
export interface LoadVerdict {
  throttled: boolean;
  reason?: string;
  summary: string;
}

export interface PageTiming {
  runs: number;
  /** Median of Lighthouse's CPU benchmark index over the runs. */
  benchmarkIndex?: number;
  load?: LoadVerdict;
}

export interface PageVerdict {
  path: string;
  url: string;
  template: string;
  reason: ManifestEntry['reason'];
  indexable: boolean;
  /** 0–100 as Lighthouse shows them; performance is the median of the timed runs, null when the page had none. */
  scores: Record<AuditedCategory, number | null>;
  facts: PageFacts;
  findings: Finding[];
  report?: string;
  skippedAudits: string[];
  /** Set when the page had timed runs. */
  timing?: PageTiming;
  failed: boolean;
}

export interface Judgement {
  pages: PageVerdict[];
  errors: number;
  warnings: number;
  /** No error-level finding on any page. */
  passed: boolean;
}

export type Budgets = Pick<AuditConfig, 'categories' | 'assertions'>;

/** A page's Lighthouse results: the deterministic run, and the timed runs (none when the page was not timed). */
export interface PageRuns {
  deterministic?: LighthouseResultLike;
  timed: readonly LighthouseResultLike[];
  load?: LoadVerdict;
}

/** Category scores are judged as Lighthouse shows them: whole numbers from 0 to 100. */
const toDisplayScore = (score: number) => Math.round(score * 100);

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** A measured value in the unit Lighthouse gives it. */
export function formatValue(value: number, unit: string | undefined): string {
  if (unit === 'millisecond') return `${numberFormat.format(value)} ms`;
  if (unit === 'byte') return value >= 1024 ? `${(value / 1024).toFixed(1)} KiB` : `${numberFormat.format(value)} bytes`;
  if (unit === 'unitless' || !Number.isInteger(value)) return String(Math.round(value * 1000) / 1000);
  return numberFormat.format(value);
}

/** The run whose performance score is the median: its details stand for the page. */
function representativeRun(runs: readonly LighthouseResultLike[]): LighthouseResultLike | undefined {
  const scored = runs.filter((run) => typeof run.categories['performance']?.score === 'number');
  const middle = median(scored.map((run) => run.categories['performance']!.score!));
  if (middle === undefined) return runs[0];
  return scored.reduce((best, run) =>
    Math.abs(run.categories['performance']!.score! - middle) < Math.abs(best.categories['performance']!.score! - middle) ? run : best,
  );
}

/** The runs a check is judged on: the timed runs for timing, the deterministic run for the rest. */
function runsFor(id: string, runs: PageRuns): readonly LighthouseResultLike[] {
  if (isTimingCheck(id)) return runs.timed;
  return runs.deterministic ? [runs.deterministic] : [];
}

function categoryScore(category: AuditedCategory, runs: PageRuns): number | null {
  const scores = runsFor(category, runs)
    .map((run) => run.categories[category]?.score)
    .filter((score): score is number => typeof score === 'number');
  const middle = median(scores);
  return middle === undefined ? null : toDisplayScore(middle);
}

function describeAudit(audit: AuditResultLike): string {
  if (audit.displayValue) return audit.displayValue;
  if (audit.numericValue !== undefined) return formatValue(audit.numericValue, audit.numericUnit);
  if (audit.score !== null) return audit.score === 0 ? 'failed' : `score ${audit.score}`;
  return 'not scored';
}

/** The audits that cost a category points, worst first. */
function categoryCauses(category: AuditedCategory, run: LighthouseResultLike | undefined): Cause[] {
  const refs = run?.categories[category]?.auditRefs ?? [];
  return refs
    .filter((ref) => ref.weight > 0)
    .map((ref) => ({ ref, audit: run!.audits[ref.id] }))
    .filter((item): item is { ref: { id: string; weight: number }; audit: AuditResultLike } => item.audit !== undefined && item.audit.score !== null && item.audit.score < 1)
    .sort((a, b) => b.ref.weight * (1 - b.audit.score!) - a.ref.weight * (1 - a.audit.score!))
    .map(({ audit }) => {
      const docs = docsLink(audit.description);
      return { id: audit.id, title: audit.title, found: describeAudit(audit), ...(docs ? { docs } : {}) };
    });
}

const medianNote = (runs: readonly unknown[]) => (runs.length > 1 ? ` (median of ${runs.length} runs)` : '');

function judgeCategory(category: AuditedCategory, score: number | null, budgets: Budgets, runs: PageRuns): Finding | undefined {
  const judged = runsFor(category, runs);
  // A page without timed runs has no performance score to judge; its deterministic facts still are.
  if (judged.length === 0) return undefined;
  const budget = budgets.categories[category];
  const source = category === 'performance' ? representativeRun(judged) : judged[0];
  const title = source?.categories[category]?.title ?? category;
  for (const level of ['error', 'warn'] as const) {
    const minimum = budget[level];
    if (minimum === undefined) continue;
    if (score === null || score < minimum) {
      return {
        level,
        id: category,
        title: `${title} score${category === 'performance' ? medianNote(judged) : ''}`,
        expected: `≥ ${minimum}`,
        found: score === null ? 'no score' : String(score),
        causes: categoryCauses(category, source),
      };
    }
  }
  return undefined;
}

function judgeAssertion(id: string, assertion: AuditAssertion, runs: PageRuns): Finding | undefined {
  if (assertion === 'off' || assertion[0] === 'off') return undefined;
  const [level, options] = assertion;
  const judged = runsFor(id, runs);
  if (judged.length === 0) return undefined;
  const results = judged.map((run) => run.audits[id]).filter((audit): audit is AuditResultLike => audit !== undefined);
  const first = results[0];
  if (!first) {
    return { level, id, title: id, expected: 'the audit to run', found: `Lighthouse has no audit "${id}" in this run; check the id in audit.assertions` };
  }
  const base = { level, id, title: first.title, ...(docsLink(first.description) ? { docs: docsLink(first.description)! } : {}) };
  // An audit Lighthouse could not run says nothing either way, so it cannot pass silently.
  if (first.scoreDisplayMode === 'error') return { ...base, expected: 'the audit to run', found: `Lighthouse could not run it: ${first.errorMessage ?? 'no reason given'}` };
  const over = medianNote(results);
  if (options.minScore !== undefined) {
    const score = median(results.map((audit) => audit.score).filter((value): value is number => value !== null));
    // An audit that does not apply (score null) has nothing to fail.
    if (score !== undefined && score < options.minScore) {
      return { ...base, expected: `score ≥ ${options.minScore}`, found: `${Math.round(score * 100) / 100}${over}${describeChecklist(first.details)}` };
    }
  }
  if (options.maxNumericValue !== undefined) {
    const value = median(results.map((audit) => audit.numericValue).filter((value): value is number => value !== undefined));
    if (value === undefined) return { ...base, expected: `≤ ${formatValue(options.maxNumericValue, first.numericUnit)}`, found: 'no measured value' };
    if (value > options.maxNumericValue) {
      // Audits such as total-byte-weight list their biggest resources: name them, as what to fix.
      const items = first.details?.items ?? [];
      return { ...base, expected: `≤ ${formatValue(options.maxNumericValue, first.numericUnit)}`, found: `${formatValue(value, first.numericUnit)}${over}${describeItems(items)}` };
    }
  }
  if (options.maxLength !== undefined) {
    // An audit that does not apply (no LCP image, no fonts) has no table and nothing to fail.
    if (first.score === null && first.scoreDisplayMode === 'notApplicable') return undefined;
    const items = first.details?.items;
    if (items === undefined) return { ...base, expected: `at most ${itemCount(options.maxLength)}`, found: 'no table of items' };
    if (items.length > options.maxLength) return { ...base, expected: `at most ${itemCount(options.maxLength)}`, found: `${itemCount(items.length)}${describeItems(items)}` };
  }
  return undefined;
}

/**
 * The checks an insight failed and the element it is about, e.g. lcp-discovery-insight's
 * ": fetchpriority=high should be applied; lazy load not applied (<img src="/hero.jpg">)".
 */
export function describeChecklist(details: unknown): string {
  const failed: string[] = [];
  let element: string | undefined;
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) return node.forEach(visit);
    const record = node as Record<string, unknown>;
    if (record['type'] === 'checklist' && typeof record['items'] === 'object' && record['items'] !== null) {
      for (const check of Object.values(record['items'] as Record<string, unknown>)) {
        const { label, value } = (check ?? {}) as { label?: unknown; value?: unknown };
        if (value === false && typeof label === 'string') failed.push(label);
      }
      return;
    }
    if (record['type'] === 'node' && typeof record['snippet'] === 'string') element ??= record['snippet'];
    visit(record['items']);
  };
  visit(details);
  if (failed.length === 0) return '';
  return `: ${failed.join('; ')}${element ? ` (${element})` : ''}`;
}

const itemCount = (count: number) => `${count} ${count === 1 ? 'item' : 'items'}`;

/** The first few URLs of an audit's table (Lighthouse sorts them worst first), so a finding names what to fix. */
function describeItems(items: readonly unknown[]): string {
  const urls = items
    .map((item) => (typeof item === 'object' && item !== null && 'url' in item && typeof item.url === 'string' ? item.url : undefined))
    .filter((url): url is string => url !== undefined)
    .map((url) => (URL.canParse(url) ? new URL(url).pathname : url));
  if (urls.length === 0) return '';
  return `: ${urls.slice(0, 3).join(', ')}${urls.length > 3 ? `, … (${urls.length - 3} more)` : ''}`;
}

function facts(runs: PageRuns): PageFacts {
  const numeric = (id: string) =>
    median(
      runsFor(id, runs)
        .map((run) => run.audits[id]?.numericValue)
        .filter((value): value is number => value !== undefined),
    );
  const result: PageFacts = {};
  const lcpMs = numeric('largest-contentful-paint');
  const cls = numeric('cumulative-layout-shift');
  const tbtMs = numeric('total-blocking-time');
  const bytes = numeric('total-byte-weight');
  const requests = runs.deterministic?.audits['network-requests']?.details?.items?.length;
  if (lcpMs !== undefined) result.lcpMs = lcpMs;
  if (cls !== undefined) result.cls = cls;
  if (tbtMs !== undefined) result.tbtMs = tbtMs;
  if (bytes !== undefined) result.bytes = bytes;
  if (requests !== undefined) result.requests = requests;
  return result;
}

/** How to get a fair timing verdict after a throttled run. */
export const RERUN_ON_QUIET_MACHINE = 'run npm run audit again when the machine is quiet';

/** Load cannot fail a page: an error-level timing finding from throttled runs is reported as a warning. */
function forgiveThrottledTiming(finding: Finding, load: LoadVerdict | undefined): Finding {
  if (finding.level !== 'error' || !isTimingCheck(finding.id) || !load?.throttled) return finding;
  return { ...finding, level: 'warn', notFailedBecause: `the machine was busy during the timed runs (${load.summary}); ${RERUN_ON_QUIET_MACHINE}` };
}

/** One page's verdict from its deterministic run and its timed runs. */
export function judgePage(entry: ManifestEntry, runs: PageRuns, budgets: Budgets): PageVerdict {
  const verdict: PageVerdict = {
    path: entry.path,
    url: entry.url,
    template: entry.template,
    reason: entry.reason,
    indexable: entry.indexable,
    scores: { performance: null, accessibility: null, 'best-practices': null, seo: null },
    facts: {},
    findings: [],
    ...(entry.report ? { report: entry.report } : {}),
    skippedAudits: entry.skippedAudits,
    failed: entry.failure !== undefined || runs.deterministic === undefined,
  };
  if (verdict.failed) {
    verdict.findings.push({
      level: 'error',
      id: 'audit-failed',
      title: 'Lighthouse could not audit this page',
      expected: 'a completed audit',
      found: entry.failure ?? 'no Lighthouse result',
    });
    return verdict;
  }
  if (runs.timed.length > 0) {
    const benchmarkIndex = median(runs.timed.map((run) => run.environment?.benchmarkIndex).filter((value): value is number => typeof value === 'number'));
    verdict.timing = { runs: runs.timed.length, ...(benchmarkIndex !== undefined ? { benchmarkIndex } : {}), ...(runs.load ? { load: runs.load } : {}) };
  }
  const findings: Finding[] = [];
  for (const category of AUDITED_CATEGORIES) {
    verdict.scores[category] = categoryScore(category, runs);
    const finding = judgeCategory(category, verdict.scores[category], budgets, runs);
    if (finding) findings.push(finding);
  }
  for (const [id, assertion] of Object.entries(budgets.assertions)) {
    if (entry.skippedAudits.includes(id)) continue;
    const finding = judgeAssertion(id, assertion, runs);
    if (finding) findings.push(finding);
  }
  verdict.facts = facts(runs);
  // Failures first, as a person reads them.
  verdict.findings = findings.map((finding) => forgiveThrottledTiming(finding, runs.load)).sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
  return verdict;
}

/** Counts and the overall result of a set of verdicts. */
export function summarise(pages: PageVerdict[]): Judgement {
  const count = (level: Level) => pages.reduce((total, page) => total + page.findings.filter((finding) => finding.level === level).length, 0);
  const errors = count('error');
  return { pages, errors, warnings: count('warn'), passed: errors === 0 };
}

/** Every page's verdict and the overall result. */
export function judgeRun(
  entries: readonly ManifestEntry[],
  readRun: (file: string) => LighthouseResultLike,
  budgets: Budgets,
  loadOf: (entry: ManifestEntry, timed: readonly LighthouseResultLike[]) => LoadVerdict | undefined = () => undefined,
): Judgement {
  return summarise(
    entries.map((entry) => {
      if (entry.failure || !entry.run) return judgePage(entry, { timed: [] }, budgets);
      const timed = (entry.timedRuns ?? []).map(readRun);
      const load = timed.length > 0 ? loadOf(entry, timed) : undefined;
      const verdict = judgePage(entry, { deterministic: readRun(entry.run), timed, ...(load ? { load } : {}) }, budgets);
      if (entry.timedFailure) {
        verdict.findings.push({ level: 'warn', id: 'timing-failed', title: 'Lighthouse could not time this page', expected: 'completed timed runs', found: entry.timedFailure });
      }
      return verdict;
    }),
  );
}
