// Assert: judges collected Lighthouse results against the budgets. Pure: results and budgets in,
// verdicts out, so every rule is tested with small fake results.
import { AUDITED_CATEGORIES, type AuditAssertion, type AuditConfig, type AuditedCategory } from '../../src/config/audit-schema.ts';
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
}

/** Measured facts shown in the summary (medians over the performance runs). */
export interface PageFacts {
  lcpMs?: number;
  cls?: number;
  tbtMs?: number;
  bytes?: number;
  requests?: number;
}

export interface PageVerdict {
  path: string;
  url: string;
  template: string;
  reason: ManifestEntry['reason'];
  indexable: boolean;
  contentHash: string;
  /** 0–100 as Lighthouse shows them; performance is the median of the runs. */
  scores: Record<AuditedCategory, number | null>;
  facts: PageFacts;
  findings: Finding[];
  report?: string;
  skippedAudits: string[];
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

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
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

function categoryScore(category: AuditedCategory, runs: readonly LighthouseResultLike[]): number | null {
  if (category !== 'performance') {
    const score = runs[0]?.categories[category]?.score;
    return typeof score === 'number' ? toDisplayScore(score) : null;
  }
  const scores = runs.map((run) => run.categories['performance']?.score).filter((score): score is number => typeof score === 'number');
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

function judgeCategory(category: AuditedCategory, score: number | null, budgets: Budgets, runs: readonly LighthouseResultLike[]): Finding | undefined {
  const budget = budgets.categories[category];
  const source = category === 'performance' ? representativeRun(runs) : runs[0];
  const title = source?.categories[category]?.title ?? category;
  for (const level of ['error', 'warn'] as const) {
    const minimum = budget[level];
    if (minimum === undefined) continue;
    if (score === null || score < minimum) {
      return {
        level,
        id: category,
        title: `${title} score${category === 'performance' && runs.length > 1 ? ` (median of ${runs.length} runs)` : ''}`,
        expected: `≥ ${minimum}`,
        found: score === null ? 'no score' : String(score),
        causes: categoryCauses(category, source),
      };
    }
  }
  return undefined;
}

function judgeAssertion(id: string, assertion: AuditAssertion, runs: readonly LighthouseResultLike[]): Finding | undefined {
  if (assertion === 'off' || assertion[0] === 'off') return undefined;
  const [level, options] = assertion;
  const results = runs.map((run) => run.audits[id]).filter((audit): audit is AuditResultLike => audit !== undefined);
  const first = results[0];
  if (!first) {
    return { level, id, title: id, expected: 'the audit to run', found: `Lighthouse has no audit "${id}" in this run; check the id in audit.assertions` };
  }
  const base = { level, id, title: first.title, ...(docsLink(first.description) ? { docs: docsLink(first.description)! } : {}) };
  const over = results.length > 1 ? ` (median of ${results.length} runs)` : '';
  if (options.minScore !== undefined) {
    const score = median(results.map((audit) => audit.score).filter((value): value is number => value !== null));
    // An audit that does not apply (score null) has nothing to fail.
    if (score !== undefined && score < options.minScore) {
      return { ...base, expected: `score ≥ ${options.minScore}`, found: `${Math.round(score * 100) / 100}${over}` };
    }
  }
  if (options.maxNumericValue !== undefined) {
    const value = median(results.map((audit) => audit.numericValue).filter((value): value is number => value !== undefined));
    if (value === undefined) return { ...base, expected: `≤ ${formatValue(options.maxNumericValue, first.numericUnit)}`, found: 'no measured value' };
    if (value > options.maxNumericValue) {
      return { ...base, expected: `≤ ${formatValue(options.maxNumericValue, first.numericUnit)}`, found: `${formatValue(value, first.numericUnit)}${over}` };
    }
  }
  if (options.maxLength !== undefined) {
    const length = first.details?.items?.length;
    if (length === undefined) return { ...base, expected: `at most ${options.maxLength} items`, found: 'no table of items' };
    if (length > options.maxLength) return { ...base, expected: `at most ${options.maxLength} items`, found: `${length} items` };
  }
  return undefined;
}

function facts(runs: readonly LighthouseResultLike[]): PageFacts {
  const numeric = (id: string) => median(runs.map((run) => run.audits[id]?.numericValue).filter((value): value is number => value !== undefined));
  const result: PageFacts = {};
  const lcpMs = numeric('largest-contentful-paint');
  const cls = numeric('cumulative-layout-shift');
  const tbtMs = numeric('total-blocking-time');
  const bytes = numeric('total-byte-weight');
  const requests = runs[0]?.audits['network-requests']?.details?.items?.length;
  if (lcpMs !== undefined) result.lcpMs = lcpMs;
  if (cls !== undefined) result.cls = cls;
  if (tbtMs !== undefined) result.tbtMs = tbtMs;
  if (bytes !== undefined) result.bytes = bytes;
  if (requests !== undefined) result.requests = requests;
  return result;
}

/**
 * One page's verdict. `runs[0]` has every category; the other runs have performance only.
 * Performance (score and numeric audits) is judged on the median of the runs.
 */
export function judgePage(entry: ManifestEntry, runs: readonly LighthouseResultLike[], budgets: Budgets): PageVerdict {
  const verdict: PageVerdict = {
    path: entry.path,
    url: entry.url,
    template: entry.template,
    reason: entry.reason,
    indexable: entry.indexable,
    contentHash: entry.contentHash,
    scores: { performance: null, accessibility: null, 'best-practices': null, seo: null },
    facts: {},
    findings: [],
    ...(entry.report ? { report: entry.report } : {}),
    skippedAudits: entry.skippedAudits,
    failed: entry.failure !== undefined || runs.length === 0,
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
  for (const category of AUDITED_CATEGORIES) {
    verdict.scores[category] = categoryScore(category, runs);
    const finding = judgeCategory(category, verdict.scores[category], budgets, runs);
    if (finding) verdict.findings.push(finding);
  }
  for (const [id, assertion] of Object.entries(budgets.assertions)) {
    if (entry.skippedAudits.includes(id)) continue;
    const finding = judgeAssertion(id, assertion, runs);
    if (finding) verdict.findings.push(finding);
  }
  verdict.facts = facts(runs);
  // Failures first, as a person reads them.
  verdict.findings.sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1));
  return verdict;
}

/** Every page's verdict and the overall result. */
export function judgeRun(
  entries: readonly ManifestEntry[],
  readRun: (file: string) => LighthouseResultLike,
  budgets: Budgets,
): Judgement {
  const pages = entries.map((entry) => judgePage(entry, entry.failure ? [] : entry.runs.map(readRun), budgets));
  const count = (level: Level) => pages.reduce((total, page) => total + page.findings.filter((finding) => finding.level === level).length, 0);
  const errors = count('error');
  return { pages, errors, warnings: count('warn'), passed: errors === 0 };
}
