import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSERTIONS, type AuditAssertion } from '../../src/config/audit-schema.ts';
import { formatValue, judgePage, judgeRun, median, type Budgets } from './assert.ts';
import type { ManifestEntry } from './collect.ts';
import type { AuditResultLike, LighthouseResultLike } from './lighthouse-result.ts';

const budgets: Budgets = {
  categories: { performance: { error: 90, warn: 100 }, accessibility: { error: 100 }, 'best-practices': { error: 100 }, seo: { error: 100 } },
  assertions: { ...DEFAULT_ASSERTIONS },
};

const audit = (id: string, fields: Partial<AuditResultLike> = {}): AuditResultLike => ({
  id,
  title: `Title of ${id}`,
  description: `What ${id} checks. [Learn more about ${id}](https://developer.chrome.com/docs/lighthouse/${id}/).`,
  score: 1,
  scoreDisplayMode: 'binary',
  ...fields,
});

/** A small Lighthouse result: category scores (0–1), and audits that make up or sit beside them. */
function lhr(options: { scores?: Partial<Record<string, number | null>>; audits?: AuditResultLike[]; performanceOnly?: boolean } = {}): LighthouseResultLike {
  const audits: Record<string, AuditResultLike> = {
    'largest-contentful-paint': audit('largest-contentful-paint', { numericValue: 1200, numericUnit: 'millisecond', displayValue: '1.2 s', scoreDisplayMode: 'numeric' }),
    'cumulative-layout-shift': audit('cumulative-layout-shift', { numericValue: 0, numericUnit: 'unitless', displayValue: '0', scoreDisplayMode: 'numeric' }),
    'total-blocking-time': audit('total-blocking-time', { numericValue: 40, numericUnit: 'millisecond', displayValue: '40 ms', scoreDisplayMode: 'numeric' }),
    'total-byte-weight': audit('total-byte-weight', { numericValue: 20_000, numericUnit: 'byte', scoreDisplayMode: 'numeric' }),
    'network-requests': audit('network-requests', { score: null, scoreDisplayMode: 'informative', details: { type: 'table', items: [{}, {}, {}] } }),
  };
  if (!options.performanceOnly) {
    audits['meta-description'] = audit('meta-description');
    audits['is-crawlable'] = audit('is-crawlable');
    audits['color-contrast'] = audit('color-contrast');
    audits['errors-in-console'] = audit('errors-in-console');
  }
  for (const extra of options.audits ?? []) audits[extra.id] = extra;
  const category = (id: string, title: string, refs: { id: string; weight: number }[]) => ({ id, title, score: options.scores?.[id] === undefined ? 1 : options.scores[id]!, auditRefs: refs });
  const categories: LighthouseResultLike['categories'] = {
    performance: category('performance', 'Performance', [
      { id: 'largest-contentful-paint', weight: 25 },
      { id: 'cumulative-layout-shift', weight: 25 },
      { id: 'total-blocking-time', weight: 30 },
      { id: 'network-requests', weight: 0 },
    ]),
  };
  if (!options.performanceOnly) {
    categories['accessibility'] = category('accessibility', 'Accessibility', [{ id: 'color-contrast', weight: 7 }]);
    categories['best-practices'] = category('best-practices', 'Best Practices', [{ id: 'errors-in-console', weight: 1 }]);
    categories['seo'] = category('seo', 'SEO', [
      { id: 'meta-description', weight: 1 },
      { id: 'is-crawlable', weight: 4.043 },
    ]);
  }
  return { lighthouseVersion: '13.5.0', categories, audits };
}

const entry = (fields: Partial<ManifestEntry> = {}): ManifestEntry => ({
  path: '/posts/a/',
  url: 'http://127.0.0.1:4000/posts/a/',
  template: 'post',
  reason: 'template',
  indexable: true,
  contentHash: 'abc',
  runs: ['pages/posts-a.json'],
  report: 'pages/posts-a.html',
  skippedAudits: [],
  attempts: 1,
  seconds: 7,
  ...fields,
});

const findingsOf = (runs: LighthouseResultLike[], custom: Partial<Budgets> = {}, fields: Partial<ManifestEntry> = {}) =>
  judgePage(entry(fields), runs, { ...budgets, ...custom }).findings;

describe('median', () => {
  it.each([
    { values: [], expected: undefined },
    { values: [3], expected: 3 },
    { values: [93, 100, 97], expected: 97 },
    { values: [1, 4, 2, 3], expected: 2.5 },
  ])('of $values is $expected', ({ values, expected }) => expect(median(values)).toBe(expected));
});

describe('judging a page against its budgets', () => {
  it('passes a page that scores 100 everywhere and meets every fact', () => {
    const verdict = judgePage(entry(), [lhr()], budgets);
    expect(verdict.findings).toEqual([]);
    expect(verdict.scores).toEqual({ performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 });
    expect(verdict.facts).toEqual({ lcpMs: 1200, cls: 0, tbtMs: 40, bytes: 20_000, requests: 3 });
  });

  it('fails SEO below 100, naming the audit that cost the points, with its docs link', () => {
    const findings = findingsOf([lhr({ scores: { seo: 0.92 }, audits: [audit('meta-description', { score: 0 })] })]);
    expect(findings).toEqual([
      {
        level: 'error',
        id: 'seo',
        title: 'SEO score',
        expected: '≥ 100',
        found: '92',
        causes: [{ id: 'meta-description', title: 'Title of meta-description', found: 'failed', docs: 'https://developer.chrome.com/docs/lighthouse/meta-description/' }],
      },
    ]);
  });

  it('lists causes worst first (weight × lost score)', () => {
    const findings = findingsOf([lhr({ scores: { seo: 0.7 }, audits: [audit('meta-description', { score: 0 }), audit('is-crawlable', { score: 0 })] })]);
    expect(findings[0]!.causes!.map((cause) => cause.id)).toEqual(['is-crawlable', 'meta-description']);
  });

  it.each([
    { category: 'accessibility', cause: 'color-contrast' },
    { category: 'best-practices', cause: 'errors-in-console' },
  ])('fails $category below 100, naming $cause', ({ category, cause }) => {
    const [finding] = findingsOf([lhr({ scores: { [category]: 0.96 }, audits: [audit(cause, { score: 0 })] })]);
    expect(finding).toMatchObject({ level: 'error', id: category, expected: '≥ 100', found: '96', causes: [{ id: cause }] });
  });

  it('judges performance on the median run, not the worst', () => {
    const runs = [lhr({ scores: { performance: 0.82 } }), lhr({ scores: { performance: 1 }, performanceOnly: true }), lhr({ scores: { performance: 0.97 }, performanceOnly: true })];
    const verdict = judgePage(entry({ runs: ['a', 'b', 'c'] }), runs, budgets);
    expect(verdict.scores.performance).toBe(97);
    expect(verdict.findings).toEqual([expect.objectContaining({ level: 'warn', id: 'performance', title: 'Performance score (median of 3 runs)', expected: '≥ 100', found: '97' })]);
  });

  it('warns between the performance floor and target, and fails under the floor', () => {
    expect(findingsOf([lhr({ scores: { performance: 0.95 } })])).toEqual([expect.objectContaining({ level: 'warn', id: 'performance', found: '95' })]);
    expect(findingsOf([lhr({ scores: { performance: 0.89 } })])).toEqual([expect.objectContaining({ level: 'error', id: 'performance', expected: '≥ 90', found: '89' })]);
  });

  it('judges scores as Lighthouse shows them, rounded to whole numbers', () => {
    expect(findingsOf([lhr({ scores: { accessibility: 0.996 } })])).toEqual([]);
    expect(findingsOf([lhr({ scores: { accessibility: 0.994 } })])).toEqual([expect.objectContaining({ id: 'accessibility', found: '99' })]);
  });

  it('never fails on Total Blocking Time with the default budgets, however noisy', () => {
    const noisy = audit('total-blocking-time', { numericValue: 326, numericUnit: 'millisecond', score: 0.7, scoreDisplayMode: 'numeric' });
    expect(findingsOf([lhr({ scores: { performance: 0.93 }, audits: [noisy] })]).filter((finding) => finding.level === 'error')).toEqual([]);
  });

  it('checks maxNumericValue on the median of the runs, in the audit’s unit', () => {
    const lcp = (ms: number) => audit('largest-contentful-paint', { numericValue: ms, numericUnit: 'millisecond', scoreDisplayMode: 'numeric' });
    const runs = [lhr({ audits: [lcp(2400)] }), lhr({ audits: [lcp(3100)], performanceOnly: true }), lhr({ audits: [lcp(2900)], performanceOnly: true })];
    expect(judgePage(entry({ runs: ['a', 'b', 'c'] }), runs, budgets).findings).toEqual([
      {
        level: 'error',
        id: 'largest-contentful-paint',
        title: 'Title of largest-contentful-paint',
        expected: '≤ 2,500 ms',
        found: '2,900 ms (median of 3 runs)',
        docs: 'https://developer.chrome.com/docs/lighthouse/largest-contentful-paint/',
      },
    ]);
  });

  it.each<{ name: string; assertion: AuditAssertion; audits: AuditResultLike[]; expected: string; found: string }>([
    { name: 'minScore', assertion: ['error', { minScore: 0.9 }], audits: [audit('uses-long-cache-ttl', { score: 0.5 })], expected: 'score ≥ 0.9', found: '0.5' },
    { name: 'maxLength', assertion: ['error', { maxLength: 2 }], audits: [], expected: 'at most 2 items', found: '3 items' },
    { name: 'maxNumericValue in bytes', assertion: ['error', { maxNumericValue: 10_240 }], audits: [], expected: '≤ 10.0 KiB', found: '19.5 KiB' },
  ])('checks $name', ({ assertion, audits, expected, found }) => {
    const id = audits[0]?.id ?? (expected.includes('items') ? 'network-requests' : 'total-byte-weight');
    const findings = findingsOf([lhr({ audits })], { assertions: { [id]: assertion } });
    expect(findings).toEqual([expect.objectContaining({ level: 'error', id, expected, found })]);
  });

  it('reports warn-level assertions as warnings', () => {
    const findings = findingsOf([lhr()], { assertions: { 'total-blocking-time': ['warn', { maxNumericValue: 10 }] } });
    expect(findings).toEqual([expect.objectContaining({ level: 'warn', id: 'total-blocking-time', found: '40 ms' })]);
  });

  it('ignores assertions turned off, and audits that do not apply (score null)', () => {
    expect(findingsOf([lhr()], { assertions: { 'total-byte-weight': ['off', { maxNumericValue: 1 }], 'network-requests': 'off' } })).toEqual([]);
    expect(findingsOf([lhr({ audits: [audit('hreflang', { score: null, scoreDisplayMode: 'notApplicable' })] })], { assertions: { hreflang: ['error', { minScore: 1 }] } })).toEqual([]);
  });

  it('fails an assertion on an audit Lighthouse does not have, so a typo cannot pass silently', () => {
    const findings = findingsOf([lhr()], { assertions: { 'largest-contentfull-paint': ['error', { maxNumericValue: 1 }] } });
    expect(findings).toEqual([expect.objectContaining({ level: 'error', id: 'largest-contentfull-paint', found: expect.stringContaining('check the id in audit.assertions') })]);
  });

  it('does not judge audits skipped on purpose (is-crawlable on a page left out of the sitemap)', () => {
    const findings = findingsOf([lhr()], { assertions: { 'is-crawlable': ['error', { minScore: 1 }] } }, { skippedAudits: ['is-crawlable'], indexable: false });
    expect(findings).toEqual([]);
  });

  it('reports a page Lighthouse could not audit as an error, with the reason', () => {
    const verdict = judgePage(entry({ runs: [], failure: 'PAGE_HUNG: the page stopped responding (tried 2 times)' }), [], budgets);
    expect(verdict.failed).toBe(true);
    expect(verdict.findings).toEqual([
      { level: 'error', id: 'audit-failed', title: 'Lighthouse could not audit this page', expected: 'a completed audit', found: 'PAGE_HUNG: the page stopped responding (tried 2 times)' },
    ]);
  });

  it('lists errors before warnings', () => {
    const findings = findingsOf([lhr({ scores: { performance: 0.95, seo: 0.9 } })]);
    expect(findings.map((finding) => finding.level)).toEqual(['error', 'warn']);
  });
});

describe('judging a run', () => {
  it('passes with warnings only, fails with any error, and counts both', () => {
    const files: Record<string, LighthouseResultLike> = {
      'pages/a.json': lhr({ scores: { performance: 0.95 } }),
      'pages/b.json': lhr({ scores: { seo: 0.92 } }),
    };
    const onlyWarnings = judgeRun([entry({ runs: ['pages/a.json'] })], (file) => files[file]!, budgets);
    expect(onlyWarnings).toMatchObject({ passed: true, errors: 0, warnings: 1 });
    const both = judgeRun([entry({ runs: ['pages/a.json'] }), entry({ path: '/b/', runs: ['pages/b.json'] })], (file) => files[file]!, budgets);
    expect(both).toMatchObject({ passed: false, errors: 1, warnings: 1 });
  });
});

describe('formatValue', () => {
  it.each([
    { value: 2500, unit: 'millisecond', expected: '2,500 ms' },
    { value: 524_288, unit: 'byte', expected: '512.0 KiB' },
    { value: 800, unit: 'byte', expected: '800 bytes' },
    { value: 0.05458, unit: 'unitless', expected: '0.055' },
    { value: 12, unit: 'element', expected: '12' },
  ])('shows $value $unit as $expected', ({ value, unit, expected }) => expect(formatValue(value, unit)).toBe(expected));
});
