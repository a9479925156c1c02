import { describe, expect, it } from 'vitest';
import { auditSchema, type AuditAssertion, type AuditConfigInput } from '../../src/config/audit-schema.ts';
import { describeChecklist, formatValue, judgePage, judgeRun, RERUN_ON_QUIET_MACHINE, type Budgets, type LoadVerdict, type PageRuns } from './assert.ts';
import type { ManifestEntry } from './collect.ts';
import type { AuditResultLike, LighthouseResultLike } from './lighthouse-result.ts';

// ---- fixtures: small Lighthouse results of the two kinds of run ----

/** Budgets as the site config gives them: the defaults, with an owner's changes merged over them. */
const budgetsOf = (audit: AuditConfigInput = {}): Budgets => auditSchema.parse(audit);
const defaults = budgetsOf();
/** An owner who holds the page to its Largest Contentful Paint. */
const strictLcp = budgetsOf({ assertions: { 'largest-contentful-paint': ['error', { maxNumericValue: 2500 }] } });

const audit = (id: string, fields: Partial<AuditResultLike> = {}): AuditResultLike => ({
  id,
  title: `Title of ${id}`,
  description: `What ${id} checks. [Learn more about ${id}](https://developer.chrome.com/docs/lighthouse/${id}/).`,
  score: 1,
  scoreDisplayMode: 'binary',
  ...fields,
});
const milliseconds = (id: string, ms: number) => audit(id, { numericValue: ms, numericUnit: 'millisecond', scoreDisplayMode: 'numeric' });
const table = (id: string, urls: string[], fields: Partial<AuditResultLike> = {}) =>
  audit(id, { score: urls.length === 0 ? 1 : 0, scoreDisplayMode: 'metricSavings', details: { type: 'table', items: urls.map((url) => ({ url })) }, ...fields });
const notApplicable = (id: string) => audit(id, { score: null, scoreDisplayMode: 'notApplicable' });
const origin = 'http://127.0.0.1:4000';

type Scores = Partial<Record<string, number | null>>;

/**
 * The deterministic run: accessibility, best practices and SEO, and the performance facts the
 * default budgets assert. Every fact is met unless `audits` replaces it.
 */
function deterministicRun(options: { scores?: Scores; audits?: AuditResultLike[] } = {}): LighthouseResultLike {
  const audits: Record<string, AuditResultLike> = {};
  for (const item of [
    audit('color-contrast'),
    audit('errors-in-console'),
    audit('meta-description'),
    audit('is-crawlable'),
    audit('cumulative-layout-shift', { numericValue: 0, numericUnit: 'unitless', scoreDisplayMode: 'numeric' }),
    audit('total-byte-weight', { numericValue: 20_000, numericUnit: 'byte', scoreDisplayMode: 'numeric' }),
    table('network-requests', [`${origin}/`, `${origin}/styles.css`, `${origin}/hero.avif`], { score: null, scoreDisplayMode: 'informative' }),
    table('unsized-images', []),
    table('image-delivery-insight', []),
    audit('lcp-discovery-insight'),
    table('render-blocking-insight', [`${origin}/styles.css`]),
    table('unused-javascript', []),
    table('unused-css-rules', []),
    table('cache-insight', []),
    notApplicable('font-display-insight'),
    table('legacy-javascript-insight', []),
    table('duplicated-javascript-insight', []),
    ...(options.audits ?? []),
  ])
    audits[item.id] = item;
  const category = (id: string, title: string, auditRefs: { id: string; weight: number }[]) => ({ id, title, score: options.scores?.[id] === undefined ? 1 : options.scores[id]!, auditRefs });
  return {
    lighthouseVersion: '13.5.0',
    categories: {
      accessibility: category('accessibility', 'Accessibility', [{ id: 'color-contrast', weight: 7 }]),
      'best-practices': category('best-practices', 'Best Practices', [{ id: 'errors-in-console', weight: 1 }]),
      seo: category('seo', 'SEO', [
        { id: 'meta-description', weight: 1 },
        { id: 'is-crawlable', weight: 4.043 },
      ]),
    },
    audits,
  };
}

/** A timed run: performance only, with every timing metric within its default budget unless given. */
function timedRun(options: { performance?: number | null; lcpMs?: number; tbtMs?: number; cls?: number; benchmarkIndex?: number } = {}): LighthouseResultLike {
  const lcp = { ...milliseconds('largest-contentful-paint', options.lcpMs ?? 1200), score: (options.lcpMs ?? 1200) > 2500 ? 0.2 : 1 };
  const audits = [
    milliseconds('first-contentful-paint', 900),
    lcp,
    milliseconds('speed-index', 1000),
    milliseconds('total-blocking-time', options.tbtMs ?? 40),
    milliseconds('interactive', 1500),
    audit('cumulative-layout-shift', { numericValue: options.cls ?? 0, numericUnit: 'unitless', scoreDisplayMode: 'numeric' }),
  ];
  return {
    lighthouseVersion: '13.5.0',
    categories: {
      performance: {
        id: 'performance',
        title: 'Performance',
        score: options.performance === undefined ? 1 : options.performance,
        auditRefs: [
          { id: 'first-contentful-paint', weight: 10 },
          { id: 'largest-contentful-paint', weight: 25 },
          { id: 'speed-index', weight: 10 },
          { id: 'total-blocking-time', weight: 30 },
          { id: 'cumulative-layout-shift', weight: 25 },
        ],
      },
    },
    audits: Object.fromEntries(audits.map((item) => [item.id, item])),
    ...(options.benchmarkIndex !== undefined ? { environment: { benchmarkIndex: options.benchmarkIndex } } : {}),
  };
}

const entry = (fields: Partial<ManifestEntry> = {}): ManifestEntry => ({
  path: '/posts/a/',
  url: `${origin}/posts/a/`,
  template: 'post',
  reason: 'changed',
  indexable: true,
  run: 'pages/posts-a.json',
  report: 'pages/posts-a.html',
  observedPaths: [],
  skippedAudits: [],
  attempts: 1,
  seconds: 4,
  ...fields,
});

const quiet: LoadVerdict = { throttled: false, summary: 'other processes used 0.1 of 2 cores (load average 0.4)' };
const busy: LoadVerdict = { throttled: true, summary: 'other processes used 1.9 of 2 cores (load average 3.4)' };

/** One page judged: the deterministic run is a clean one unless given; no timed runs unless given. */
const judge = (runs: Partial<PageRuns> = {}, budgets: Budgets = defaults, fields: Partial<ManifestEntry> = {}) =>
  judgePage(entry(fields), { deterministic: deterministicRun(), timed: [], ...runs }, budgets);
const findingsOf = (runs: Partial<PageRuns> = {}, budgets: Budgets = defaults, fields: Partial<ManifestEntry> = {}) => judge(runs, budgets, fields).findings;

// ---- the rules ----


describe('the checks an insight failed', () => {
  const lcpDiscovery = {
    type: 'list',
    items: [
      {
        type: 'checklist',
        items: {
          priorityHinted: { label: 'fetchpriority=high should be applied', value: false },
          requestDiscoverable: { label: 'Request is discoverable in initial document', value: true },
          eagerlyLoaded: { label: 'lazy load not applied', value: false },
        },
      },
      { type: 'node', snippet: '<img src="/hero.jpg" loading="lazy">', selector: 'main > img' },
    ],
  };

  it('names each failed check and the element', () => {
    expect(describeChecklist(lcpDiscovery)).toBe(': fetchpriority=high should be applied; lazy load not applied (<img src="/hero.jpg" loading="lazy">)');
  });

  it('says nothing when every check passed or there is no checklist', () => {
    expect(describeChecklist({ type: 'list', items: [{ type: 'checklist', items: { a: { label: 'fine', value: true } } }] })).toBe('');
    expect(describeChecklist({ type: 'table', items: [{ url: 'x' }] })).toBe('');
    expect(describeChecklist(undefined)).toBe('');
  });

  it('is part of a failed minScore finding', () => {
    const insight = audit('lcp-discovery-insight', { score: 0, scoreDisplayMode: 'metricSavings', details: lcpDiscovery as never });
    const [finding] = findingsOf({ deterministic: deterministicRun({ audits: [insight] }) }).filter((item) => item.id === 'lcp-discovery-insight');
    expect(finding?.found).toBe('0: fetchpriority=high should be applied; lazy load not applied (<img src="/hero.jpg" loading="lazy">)');
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

describe('a healthy page', () => {
  it('passes, with its scores, facts and timing', () => {
    const verdict = judge({ timed: [timedRun({ benchmarkIndex: 1500 })], load: quiet });
    expect(verdict.findings).toEqual([]);
    expect(verdict.failed).toBe(false);
    expect(verdict.scores).toEqual({ performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 });
    expect(verdict.facts).toEqual({ lcpMs: 1200, cls: 0, tbtMs: 40, bytes: 20_000, requests: 3 });
    expect(verdict.timing).toEqual({ runs: 1, benchmarkIndex: 1500, load: quiet });
  });
});

describe('the categories the deterministic run measures', () => {
  it('fail SEO below 100, naming the audit that cost the points, with its docs link', () => {
    const findings = findingsOf({ deterministic: deterministicRun({ scores: { seo: 0.92 }, audits: [audit('meta-description', { score: 0 })] }) });
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

  it('list causes worst first (weight × lost score)', () => {
    const deterministic = deterministicRun({ scores: { seo: 0.7 }, audits: [audit('meta-description', { score: 0 }), audit('is-crawlable', { score: 0 })] });
    expect(findingsOf({ deterministic })[0]!.causes!.map((cause) => cause.id)).toEqual(['is-crawlable', 'meta-description']);
  });

  it.each([
    { category: 'accessibility', cause: 'color-contrast' },
    { category: 'best-practices', cause: 'errors-in-console' },
  ])('fail $category below 100, naming $cause', ({ category, cause }) => {
    const [finding] = findingsOf({ deterministic: deterministicRun({ scores: { [category]: 0.96 }, audits: [audit(cause, { score: 0 })] }) });
    expect(finding).toMatchObject({ level: 'error', id: category, expected: '≥ 100', found: '96', causes: [{ id: cause }] });
  });

  it('are judged as Lighthouse shows them, rounded to whole numbers', () => {
    expect(findingsOf({ deterministic: deterministicRun({ scores: { accessibility: 0.996 } }) })).toEqual([]);
    expect(findingsOf({ deterministic: deterministicRun({ scores: { accessibility: 0.994 } }) })).toEqual([expect.objectContaining({ id: 'accessibility', found: '99' })]);
  });

  it('fail a category Lighthouse could not score', () => {
    expect(findingsOf({ deterministic: deterministicRun({ scores: { seo: null } }) })).toEqual([expect.objectContaining({ level: 'error', id: 'seo', found: 'no score' })]);
  });
});

describe('the deterministic performance facts', () => {
  it.each<{ name: string; audit: AuditResultLike; level: 'error' | 'warn'; expected: string; found: string }>([
    {
      name: 'a 600 KiB page',
      audit: audit('total-byte-weight', {
        numericValue: 600 * 1024,
        numericUnit: 'byte',
        score: 0.5,
        scoreDisplayMode: 'numeric',
        details: { type: 'table', items: [{ url: `${origin}/images/hero.jpg`, totalBytes: 480 * 1024 }, { url: `${origin}/_astro/app.js`, totalBytes: 100 * 1024 }] },
      }),
      level: 'error',
      expected: '≤ 500.0 KiB',
      found: '600.0 KiB: /images/hero.jpg, /_astro/app.js',
    },
    { name: 'an image without width and height', audit: table('unsized-images', [`${origin}/images/hero.jpg`]), level: 'error', expected: 'at most 0 items', found: '1 item: /images/hero.jpg' },
    { name: 'a lazy-loaded LCP image', audit: audit('lcp-discovery-insight', { score: 0 }), level: 'error', expected: 'score ≥ 1', found: '0' },
    {
      name: 'an image larger than it is shown',
      audit: table('image-delivery-insight', [`${origin}/images/hero.jpg`, `${origin}/images/avatar.png`]),
      level: 'error',
      expected: 'at most 0 items',
      found: '2 items: /images/hero.jpg, /images/avatar.png',
    },
    {
      name: 'layout shifts',
      audit: audit('cumulative-layout-shift', { numericValue: 0.25, numericUnit: 'unitless', scoreDisplayMode: 'numeric' }),
      level: 'error',
      expected: '≤ 0.1',
      found: '0.25',
    },
    {
      name: 'seven render-blocking files',
      audit: table('render-blocking-insight', ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((name) => `${origin}/${name}.css`)),
      level: 'error',
      expected: 'at most 6 items',
      found: '7 items: /a.css, /b.css, /c.css, … (4 more)',
    },
    { name: 'a file with a short cache lifetime', audit: table('cache-insight', [`${origin}/_astro/app.js`]), level: 'error', expected: 'at most 0 items', found: '1 item: /_astro/app.js' },
    { name: 'a font without font-display', audit: table('font-display-insight', [`${origin}/fonts/body.woff2`]), level: 'error', expected: 'at most 0 items', found: '1 item: /fonts/body.woff2' },
    { name: 'unused CSS', audit: table('unused-css-rules', [`${origin}/styles.css`]), level: 'error', expected: 'at most 0 items', found: '1 item: /styles.css' },
    { name: 'transpiled JavaScript (a warning)', audit: table('legacy-javascript-insight', [`${origin}/_astro/old.js`]), level: 'warn', expected: 'at most 0 items', found: '1 item: /_astro/old.js' },
  ])('judge $name', ({ audit: measured, level, expected, found }) => {
    expect(findingsOf({ deterministic: deterministicRun({ audits: [measured] }) })).toEqual([
      { level, id: measured.id, title: measured.title, expected, found, docs: `https://developer.chrome.com/docs/lighthouse/${measured.id}/` },
    ]);
  });

  it('name the first URLs of a table and count the rest, as paths when they are URLs', () => {
    const requests = table('network-requests', [...Array.from({ length: 30 }, (_, n) => `${origin}/file-${n}.js`), 'data:image/png;base64,AAAA'], { score: null, scoreDisplayMode: 'informative' });
    expect(findingsOf({ deterministic: deterministicRun({ audits: [requests] }) })).toEqual([
      expect.objectContaining({ id: 'network-requests', expected: 'at most 30 items', found: '31 items: /file-0.js, /file-1.js, /file-2.js, … (28 more)' }),
    ]);
  });

  it('count rows without a URL but name none', () => {
    const rows = audit('unsized-images', { score: 0, details: { type: 'table', items: [{ node: {} }] } });
    expect(findingsOf({ deterministic: deterministicRun({ audits: [rows] }) })).toEqual([expect.objectContaining({ id: 'unsized-images', found: '1 item' })]);
  });

  it('pass audits that do not apply (no LCP image, no web fonts)', () => {
    expect(findingsOf({ deterministic: deterministicRun({ audits: [notApplicable('lcp-discovery-insight'), notApplicable('font-display-insight'), notApplicable('unsized-images')] }) })).toEqual([]);
  });

  it('fail a table audit that gave no table, rather than pass it unread', () => {
    const untabled = audit('unsized-images', { score: 1 });
    expect(findingsOf({ deterministic: deterministicRun({ audits: [untabled] }) })).toEqual([expect.objectContaining({ level: 'error', id: 'unsized-images', expected: 'at most 0 items', found: 'no table of items' })]);
  });

  it('fail a measured budget that has no measured value', () => {
    const unmeasured = audit('total-byte-weight', { score: null, scoreDisplayMode: 'numeric' });
    expect(findingsOf({ deterministic: deterministicRun({ audits: [unmeasured] }) })).toEqual([expect.objectContaining({ level: 'error', id: 'total-byte-weight', found: 'no measured value' })]);
  });

  it('fail an audit Lighthouse could not run, saying why, so it cannot pass silently', () => {
    const broken = audit('unsized-images', { score: null, scoreDisplayMode: 'error', errorMessage: 'Required ImageElements gatherer did not run' });
    expect(findingsOf({ deterministic: deterministicRun({ audits: [broken] }) })).toEqual([
      expect.objectContaining({ level: 'error', id: 'unsized-images', expected: 'the audit to run', found: 'Lighthouse could not run it: Required ImageElements gatherer did not run' }),
    ]);
  });

  it('are judged on the deterministic run, whatever the timed runs measured', () => {
    expect(findingsOf({ timed: [timedRun({ cls: 0.5 })], load: quiet })).toEqual([]);
    expect(judge({ timed: [timedRun({ cls: 0.5 })] }).facts.cls).toBe(0);
  });

  it('fail even when the machine was busy: load cannot move them', () => {
    const deterministic = deterministicRun({ audits: [table('unsized-images', [`${origin}/images/hero.jpg`])] });
    expect(findingsOf({ deterministic, timed: [timedRun()], load: busy })).toEqual([expect.objectContaining({ level: 'error', id: 'unsized-images' })]);
    expect(findingsOf({ deterministic, timed: [timedRun()], load: busy })[0]).not.toHaveProperty('notFailedBecause');
  });
});

describe('assertions an owner adds', () => {
  it.each<{ name: string; id: string; assertion: AuditAssertion; measured?: AuditResultLike; expected: string; found: string }>([
    { name: 'minScore', id: 'uses-long-cache-ttl', assertion: ['error', { minScore: 0.9 }], measured: audit('uses-long-cache-ttl', { score: 0.5 }), expected: 'score ≥ 0.9', found: '0.5' },
    { name: 'maxLength', id: 'network-requests', assertion: ['error', { maxLength: 2 }], expected: 'at most 2 items', found: '3 items: /, /styles.css, /hero.avif' },
    { name: 'maxNumericValue in bytes', id: 'total-byte-weight', assertion: ['error', { maxNumericValue: 10_240 }], expected: '≤ 10.0 KiB', found: '19.5 KiB' },
  ])('are checked by $name', ({ id, assertion, measured, expected, found }) => {
    const deterministic = deterministicRun({ audits: measured ? [measured] : [] });
    expect(findingsOf({ deterministic }, budgetsOf({ assertions: { [id]: assertion } }))).toEqual([expect.objectContaining({ level: 'error', id, expected, found })]);
  });

  it('are warnings at level warn', () => {
    const findings = findingsOf({}, budgetsOf({ assertions: { 'total-byte-weight': ['warn', { maxNumericValue: 10_240 }] } }));
    expect(findings).toEqual([expect.objectContaining({ level: 'warn', id: 'total-byte-weight', found: '19.5 KiB' })]);
  });

  it('are ignored when turned off, either way of writing it, and when the audit does not apply', () => {
    expect(findingsOf({}, budgetsOf({ assertions: { 'total-byte-weight': ['off', { maxNumericValue: 1 }], 'network-requests': 'off' } }))).toEqual([]);
    const deterministic = deterministicRun({ audits: [notApplicable('hreflang')] });
    expect(findingsOf({ deterministic }, budgetsOf({ assertions: { hreflang: ['error', { minScore: 1 }] } }))).toEqual([]);
  });

  it('fail on an audit Lighthouse does not have, so a typo cannot pass silently', () => {
    const findings = findingsOf({}, budgetsOf({ assertions: { 'total-byte-weigth': ['error', { maxNumericValue: 1 }] } }));
    expect(findings).toEqual([expect.objectContaining({ level: 'error', id: 'total-byte-weigth', found: expect.stringContaining('check the id in audit.assertions') })]);
  });

  it('are not judged on audits skipped on purpose (is-crawlable on a page left out of the sitemap)', () => {
    const findings = findingsOf({}, budgetsOf({ assertions: { 'is-crawlable': ['error', { minScore: 1 }] } }), { skippedAudits: ['is-crawlable'], indexable: false });
    expect(findings).toEqual([]);
  });
});

describe('timing with the default budgets', () => {
  it('never fails a page: a performance score of 40 and an LCP of 9 s are warnings', () => {
    const findings = findingsOf({ timed: [timedRun({ performance: 0.4, lcpMs: 9000 })], load: quiet });
    expect(findings).toEqual([
      {
        level: 'warn',
        id: 'performance',
        title: 'Performance score',
        expected: '≥ 90',
        found: '40',
        causes: [{ id: 'largest-contentful-paint', title: 'Title of largest-contentful-paint', found: '9,000 ms', docs: 'https://developer.chrome.com/docs/lighthouse/largest-contentful-paint/' }],
      },
      {
        level: 'warn',
        id: 'largest-contentful-paint',
        title: 'Title of largest-contentful-paint',
        expected: '≤ 2,500 ms',
        found: '9,000 ms',
        docs: 'https://developer.chrome.com/docs/lighthouse/largest-contentful-paint/',
      },
    ]);
  });

  it.each([
    { id: 'first-contentful-paint', ms: 1801, expected: '≤ 1,800 ms' },
    { id: 'largest-contentful-paint', ms: 2501, expected: '≤ 2,500 ms' },
    { id: 'speed-index', ms: 3401, expected: '≤ 3,400 ms' },
    { id: 'total-blocking-time', ms: 1210, expected: '≤ 200 ms' },
    { id: 'interactive', ms: 3801, expected: '≤ 3,800 ms' },
  ])('warns on $id over its budget ($expected)', ({ id, ms, expected }) => {
    const slow = timedRun();
    slow.audits[id] = milliseconds(id, ms);
    expect(findingsOf({ timed: [slow] })).toEqual([expect.objectContaining({ level: 'warn', id, expected })]);
  });

  it('is not judged on a page without timed runs: no performance score, no timings', () => {
    const deterministic = deterministicRun({ audits: [milliseconds('largest-contentful-paint', 9000)] });
    const verdict = judge({ deterministic }, budgetsOf({ categories: { performance: { error: 90 } }, assertions: { 'largest-contentful-paint': ['error', { maxNumericValue: 2500 }] } }));
    expect(verdict.findings).toEqual([]);
    expect(verdict.scores.performance).toBeNull();
    expect(verdict.facts).toEqual({ cls: 0, bytes: 20_000, requests: 3 });
    expect(verdict).not.toHaveProperty('timing');
  });

  it('is judged on the median of the timed runs, not the worst, with its causes from the median run', () => {
    const runs = [timedRun({ performance: 0.82, lcpMs: 2400, tbtMs: 300 }), timedRun({ performance: 1, lcpMs: 3100, tbtMs: 10 }), timedRun({ performance: 0.89, lcpMs: 2900, tbtMs: 50 })];
    const verdict = judge({ timed: runs }, budgetsOf({ categories: { performance: { warn: 100 } } }));
    expect(verdict.scores.performance).toBe(89);
    expect(verdict.facts).toMatchObject({ lcpMs: 2900, tbtMs: 50 });
    expect(verdict.timing).toEqual({ runs: 3 });
    expect(verdict.findings).toEqual([
      expect.objectContaining({ level: 'warn', id: 'performance', title: 'Performance score (median of 3 runs)', expected: '≥ 100', found: '89', causes: [expect.objectContaining({ id: 'largest-contentful-paint', found: '2,900 ms' })] }),
      expect.objectContaining({ level: 'warn', id: 'largest-contentful-paint', found: '2,900 ms (median of 3 runs)' }),
    ]);
  });

  it('gives the median CPU benchmark index of the timed runs', () => {
    const runs = [timedRun({ benchmarkIndex: 900 }), timedRun({ benchmarkIndex: 1600 }), timedRun({ benchmarkIndex: 1500 })];
    expect(judge({ timed: runs }).timing).toEqual({ runs: 3, benchmarkIndex: 1500 });
  });

  it('warns, and does not fail, when a timed run has no performance score', () => {
    expect(findingsOf({ timed: [timedRun({ performance: null })] })).toEqual([expect.objectContaining({ level: 'warn', id: 'performance', found: 'no score' })]);
  });
});

describe('timing an owner raised to an error', () => {
  it('fails a page on a quiet machine', () => {
    expect(findingsOf({ timed: [timedRun({ lcpMs: 9000 })], load: quiet }, strictLcp)).toEqual([
      {
        level: 'error',
        id: 'largest-contentful-paint',
        title: 'Title of largest-contentful-paint',
        expected: '≤ 2,500 ms',
        found: '9,000 ms',
        docs: 'https://developer.chrome.com/docs/lighthouse/largest-contentful-paint/',
      },
    ]);
  });

  it('fails on the performance score too', () => {
    const budgets = budgetsOf({ categories: { performance: { error: 90 } } });
    expect(findingsOf({ timed: [timedRun({ performance: 0.4 })], load: quiet }, budgets)).toEqual([expect.objectContaining({ level: 'error', id: 'performance', expected: '≥ 90', found: '40' })]);
  });

  it('fails when no load was measured', () => {
    expect(findingsOf({ timed: [timedRun({ lcpMs: 9000 })] }, strictLcp)).toEqual([expect.objectContaining({ level: 'error', id: 'largest-contentful-paint' })]);
  });

  it('is a warning when the machine was busy, saying why it did not fail and how to judge it fairly', () => {
    expect(findingsOf({ timed: [timedRun({ lcpMs: 9000 })], load: busy }, strictLcp)).toEqual([
      {
        level: 'warn',
        id: 'largest-contentful-paint',
        title: 'Title of largest-contentful-paint',
        expected: '≤ 2,500 ms',
        found: '9,000 ms',
        docs: 'https://developer.chrome.com/docs/lighthouse/largest-contentful-paint/',
        notFailedBecause: 'the machine was busy during the timed runs (other processes used 1.9 of 2 cores (load average 3.4)); run npm run audit again when the machine is quiet',
      },
    ]);
  });

  it('lets off the performance score the same way when the machine was busy', () => {
    const budgets = budgetsOf({ categories: { performance: { error: 90 } } });
    const [finding] = findingsOf({ timed: [timedRun({ performance: 0.4 })], load: busy }, budgets);
    expect(finding).toMatchObject({ level: 'warn', id: 'performance', notFailedBecause: expect.stringContaining(RERUN_ON_QUIET_MACHINE) });
  });

  it('leaves timing warnings as they are when the machine was busy: there was no error to let off', () => {
    const [finding] = findingsOf({ timed: [timedRun({ lcpMs: 9000 })], load: busy });
    expect(finding).toMatchObject({ level: 'warn', id: 'largest-contentful-paint' });
    expect(finding).not.toHaveProperty('notFailedBecause');
  });
});

describe('the order of findings', () => {
  it('is errors before warnings', () => {
    const findings = findingsOf({ deterministic: deterministicRun({ scores: { seo: 0.9 } }), timed: [timedRun({ performance: 0.5 })] });
    expect(findings.map((finding) => [finding.level, finding.id])).toEqual([
      ['error', 'seo'],
      ['warn', 'performance'],
    ]);
  });
});

describe('a page Lighthouse could not audit', () => {
  it('is an error that gives the reason', () => {
    const verdict = judgePage(entry({ failure: 'PAGE_HUNG: the page stopped responding (tried 2 times)' }), { timed: [] }, defaults);
    expect(verdict.failed).toBe(true);
    expect(verdict.findings).toEqual([
      { level: 'error', id: 'audit-failed', title: 'Lighthouse could not audit this page', expected: 'a completed audit', found: 'PAGE_HUNG: the page stopped responding (tried 2 times)' },
    ]);
  });

  it('is an error when its deterministic run is missing', () => {
    const verdict = judgePage(entry(), { timed: [timedRun()] }, defaults);
    expect(verdict.failed).toBe(true);
    expect(verdict.findings).toEqual([expect.objectContaining({ level: 'error', id: 'audit-failed', found: 'no Lighthouse result' })]);
  });
});

describe('judging a run', () => {
  const files: Record<string, LighthouseResultLike> = {
    'pages/slow.json': deterministicRun(),
    'pages/slow-timed-1.json': timedRun({ performance: 0.4, lcpMs: 9000 }),
    'pages/broken.json': deterministicRun({ scores: { seo: 0.92 } }),
  };
  const readRun = (file: string) => {
    const run = files[file];
    if (!run) throw new Error(`no file ${file}`);
    return run;
  };
  const slow = entry({ path: '/slow/', run: 'pages/slow.json', timedRuns: ['pages/slow-timed-1.json'] });
  const broken = entry({ path: '/broken/', run: 'pages/broken.json' });

  it('passes with warnings only, fails with any error, and counts both', () => {
    expect(judgeRun([slow], readRun, defaults)).toMatchObject({ passed: true, errors: 0, warnings: 2 });
    expect(judgeRun([slow, broken], readRun, defaults)).toMatchObject({ passed: false, errors: 1, warnings: 2 });
  });

  it('reads each page’s deterministic run and its timed runs', () => {
    const [slowVerdict, brokenVerdict] = judgeRun([slow, broken], readRun, defaults).pages;
    expect(slowVerdict!.scores).toEqual({ performance: 40, accessibility: 100, 'best-practices': 100, seo: 100 });
    expect(brokenVerdict!.scores).toEqual({ performance: null, accessibility: 100, 'best-practices': 100, seo: 92 });
  });

  it('asks for the machine’s load only for pages with timed runs, and lets it forgive their timing', () => {
    const asked: string[] = [];
    const judgement = judgeRun([slow, broken], readRun, strictLcp, (page, timed) => {
      asked.push(`${page.path}: ${timed.length} timed run(s)`);
      return busy;
    });
    expect(asked).toEqual(['/slow/: 1 timed run(s)']);
    expect(judgement.pages[0]!.timing?.load).toEqual(busy);
    expect(judgement.pages[0]!.findings.find((finding) => finding.id === 'largest-contentful-paint')).toMatchObject({ level: 'warn', notFailedBecause: expect.any(String) });
    expect(judgement.pages[1]).not.toHaveProperty('timing');
  });

  it('fails the same run with an owner’s LCP budget when the machine was quiet', () => {
    expect(judgeRun([slow], readRun, strictLcp, () => quiet)).toMatchObject({ passed: false, errors: 1 });
  });

  it('reports a page that could not be audited without reading any file', () => {
    const { run: _none, ...hung } = entry({ path: '/hung/', failure: 'PAGE_HUNG (tried 2 times)' });
    const judgement = judgeRun([hung], readRun, defaults);
    expect(judgement).toMatchObject({ passed: false, errors: 1 });
    expect(judgement.pages[0]!.findings).toEqual([expect.objectContaining({ id: 'audit-failed', found: 'PAGE_HUNG (tried 2 times)' })]);
  });

  it('warns when a page could not be timed, and keeps its deterministic verdict', () => {
    const judgement = judgeRun([entry({ path: '/untimed/', run: 'pages/slow.json', timedFailure: 'Chrome crashed during the timed run (tried 2 times)' })], readRun, defaults);
    expect(judgement).toMatchObject({ passed: true, errors: 0, warnings: 1 });
    expect(judgement.pages[0]!.findings).toEqual([
      { level: 'warn', id: 'timing-failed', title: 'Lighthouse could not time this page', expected: 'completed timed runs', found: 'Chrome crashed during the timed run (tried 2 times)' },
    ]);
    expect(judgement.pages[0]!.scores.seo).toBe(100);
  });
});
