import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Judgement, PageVerdict } from './assert.ts';
import type { Manifest } from './collect.ts';
import {
  appendHistory,
  formatDuration,
  formatFindings,
  formatProgress,
  formatScoreTable,
  formatSummary,
  historyEntryOf,
  previousScores,
  readHistory,
  renderRunIndex,
  type HistoryEntry,
} from './report.ts';
import type { SelectedPage } from './select-pages.ts';

const selected: SelectedPage = { path: '/posts/a/', template: 'post', reason: 'changed', indexable: true, contentHash: 'h' };

const verdict = (fields: Partial<PageVerdict> = {}): PageVerdict => ({
  path: '/',
  url: 'http://127.0.0.1:4000/',
  template: 'home',
  reason: 'template',
  indexable: true,
  contentHash: 'h',
  scores: { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 },
  facts: { lcpMs: 1150, cls: 0, tbtMs: 63.4, bytes: 7300, requests: 7 },
  findings: [],
  report: 'pages/home.html',
  skippedAudits: [],
  failed: false,
  ...fields,
});

const seoFailure = verdict({
  path: '/posts/broken/',
  template: 'post',
  reason: 'changed',
  scores: { performance: 100, accessibility: 100, 'best-practices': 100, seo: 92 },
  findings: [
    {
      level: 'error',
      id: 'seo',
      title: 'SEO score',
      expected: '≥ 100',
      found: '92',
      causes: [{ id: 'meta-description', title: 'Document does not have a meta description', found: 'failed', docs: 'https://developer.chrome.com/docs/lighthouse/seo/meta-description/' }],
    },
  ],
});

const manifest: Manifest = {
  version: 1,
  target: 'dist',
  preset: 'mobile',
  performanceRuns: 3,
  lighthouseVersion: '13.5.0',
  chrome: 'Chromium 156',
  startedAt: '2026-06-01T10:00:00.000Z',
  finishedAt: '2026-06-01T10:01:00.000Z',
  timing: { chromeStarts: [0.6], runs: [8.1, 6.2, 5.9], totalSeconds: 21 },
  pages: [],
};

const judgement = (pages: PageVerdict[]): Judgement => {
  const errors = pages.flatMap((page) => page.findings).filter((finding) => finding.level === 'error').length;
  return { pages, errors, warnings: pages.flatMap((page) => page.findings).length - errors, passed: errors === 0 };
};

const noSelectionNotes = { deferred: [], unchanged: 0, missingAlways: [], otherShards: 0 };

describe('progress lines', () => {
  it.each([
    { ms: 0, expected: '0 s' },
    { ms: 42_400, expected: '42 s' },
    { ms: 185_000, expected: '3:05' },
  ])('show $ms ms as $expected', ({ ms, expected }) => expect(formatDuration(ms)).toBe(expected));

  it('name the page, its template, why it is audited, the time spent and an estimate of the time left', () => {
    expect(formatProgress({ kind: 'page-start', index: 3, total: 9, page: selected, elapsedMs: 40_000, remainingMs: 95_000 })).toBe(
      '[3/9] /posts/a/ (post, changed) · 40 s elapsed · about 1:35 left',
    );
  });

  it('show the first run’s scores when a page is done, and say when a page failed and the run goes on', () => {
    expect(formatProgress({ kind: 'page-done', page: selected, seconds: 17.23, scores: { performance: 99, accessibility: 100, 'best-practices': 100, seo: 100 } })).toBe(
      '      perf 99 · a11y 100 · bp 100 · seo 100 (17.2 s)',
    );
    expect(formatProgress({ kind: 'page-done', page: selected, seconds: 30, scores: {}, failure: 'PAGE_HUNG (tried 2 times)' })).toBe(
      '      ✗ could not audit /posts/a/: PAGE_HUNG (tried 2 times); continuing',
    );
    expect(formatProgress({ kind: 'page-retry', page: selected, reason: 'Lighthouse did not finish within 60 s' })).toContain('retrying once with a fresh Chrome');
  });
});

describe('the score table', () => {
  it('shows each page’s scores and facts in aligned columns', () => {
    expect(formatScoreTable([verdict(), seoFailure], new Map())).toEqual([
      '  page            template  why       perf  a11y  bp   seo  LCP    CLS    TBT    size   requests',
      '  /               home      template  98    100   100  100  1.1 s  0.000  63 ms  7 KiB  7',
      '  /posts/broken/  post      changed   100   100   100  92   1.1 s  0.000  63 ms  7 KiB  7',
    ]);
  });

  it('shows the change since the page’s previous audit', () => {
    const previous = new Map([['/', { scores: { performance: 100, accessibility: 96, 'best-practices': 100, seo: 100 } }]]);
    const [, row] = formatScoreTable([verdict()], previous);
    expect(row).toContain('98 −2');
    expect(row).toContain('100 +4');
  });

  it('marks a page that could not be audited', () => {
    const [, row] = formatScoreTable([verdict({ failed: true })], new Map());
    expect(row).toMatch(/failed {2}failed {2}failed {2}failed/);
  });
});

describe('findings', () => {
  it('give the audit title, its id, expected vs found and the documentation link, errors first', () => {
    const warned = verdict({ findings: [{ level: 'warn', id: 'performance', title: 'Performance score (median of 3 runs)', expected: '≥ 100', found: '98', causes: [] }] });
    expect(formatFindings([warned, seoFailure])).toEqual([
      '  ERROR /posts/broken/  SEO score [seo]: expected ≥ 100, found 92',
      '        · Document does not have a meta description [meta-description]: failed',
      '          https://developer.chrome.com/docs/lighthouse/seo/meta-description/',
      '  WARN  /  Performance score (median of 3 runs) [performance]: expected ≥ 100, found 98',
    ]);
  });
});

describe('the summary', () => {
  it('ends with a clear verdict, the reports folder and the audit’s own timing', () => {
    const text = formatSummary({ judgement: judgement([verdict(), seoFailure]), manifest, selection: noSelectionNotes, previous: new Map(), maxChangedPages: 25, reportIndex: 'reports/lighthouse/runs/x/index.html' });
    expect(text).toContain('Lighthouse 13.5.0 audit of dist · mobile · 2 page(s) · performance: median of 3 runs');
    expect(text).toContain('Timing: 3 Lighthouse run(s), 6.7 s each on average (5.9–8.1 s); Chrome started 1 time(s), 0.6 s each; 21 s in all.');
    expect(text).toContain('Reports: reports/lighthouse/runs/x/index.html');
    expect(text).toContain('✗ Below budget: 1 error(s), 0 warning(s)');
    expect(text).toContain('meta-description');
  });

  it('says what was not audited and why', () => {
    const text = formatSummary({
      judgement: judgement([verdict({ path: '/404.html', indexable: false, skippedAudits: ['is-crawlable'] })]),
      manifest,
      selection: {
        deferred: [
          { page: selected, why: 'max-changed-pages' },
          { page: selected, why: 'max-pages' },
        ],
        unchanged: 12,
        missingAlways: ['/posts/gone/'],
        otherShards: 4,
      },
      previous: new Map(),
      maxChangedPages: 25,
      reportIndex: 'index.html',
    });
    expect(text).toContain('12 unchanged post(s) skipped: they met their budgets at their last audit.');
    expect(text).toContain('1 more changed post(s) wait for the next run (audit.maxChangedPages is 25; --all audits everything).');
    expect(text).toContain('1 page(s) left out by --max-pages.');
    expect(text).toContain('4 page(s) are audited by the other shards.');
    expect(text).toContain('audit.alwaysAudit lists /posts/gone/, which this build does not have.');
    expect(text).toContain('Not in the sitemap, so not checked for indexability (is-crawlable): /404.html.');
    expect(text).toContain('✓ Every audited page meets its budgets.');
  });
});

describe('history', () => {
  const directory = mkdtempSync(join(tmpdir(), 'audit-history-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  const entry = (at: string, pages: HistoryEntry['pages'], fields: Partial<HistoryEntry> = {}): HistoryEntry => ({ at, target: 'dist', preset: 'mobile', passed: true, runDir: `runs/${at}`, pages, ...fields });

  it('gives each page its most recent earlier scores for the same site and preset', () => {
    const history = [
      entry('1', { '/': { seo: 90 }, '/a/': { seo: 91 } }),
      entry('2', { '/': { seo: 95 } }),
      entry('3', { '/': { seo: 10 } }, { preset: 'desktop' }),
      entry('4', { '/': { seo: 20 } }, { target: 'https://example.com/' }),
    ];
    const previous = previousScores(history, 'dist', 'mobile');
    expect(previous.get('/')).toEqual({ at: '2', scores: { seo: 95 } });
    expect(previous.get('/a/')).toEqual({ at: '1', scores: { seo: 91 } });
  });

  it('is a JSON-lines file that survives a line cut short by an interrupted run', () => {
    const file = join(directory, 'history.jsonl');
    appendHistory(file, historyEntryOf(judgement([verdict()]), manifest, 'runs/one'));
    writeFileSync(file, '{"at": "cut sh', { flag: 'a' });
    appendHistory(file, historyEntryOf(judgement([verdict({ failed: true, path: '/x/' })]), manifest, 'runs/two'));
    const history = readHistory(file);
    expect(history.map((item) => item.runDir)).toEqual(['runs/one', 'runs/two']);
    expect(history[0]!.pages['/']).toEqual({ performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 });
    expect(history[1]!.pages).toEqual({}); // a page that could not be audited has no scores to compare with
  });
});

describe('the HTML index of a run', () => {
  it('links each page’s Lighthouse report and JSON, and escapes what it shows', () => {
    const html = renderRunIndex(judgement([verdict({ path: '/<script>/', report: 'pages/x.html' }), seoFailure]), manifest);
    expect(html).toContain('<a href="pages/x.html">report</a> · <a href="pages/x.json">JSON</a>');
    expect(html).toContain('/&lt;script&gt;/');
    expect(html).not.toContain('/<script>/');
    expect(html).toContain('<a href="https://developer.chrome.com/docs/lighthouse/seo/meta-description/">docs</a>');
    expect(html).toContain('Below budget: 1 error(s)');
    expect(html).not.toContain('http://127.0.0.1:4000/'); // the local server is gone once the run ends
    expect(renderRunIndex(judgement([verdict()]), { ...manifest, target: 'https://example.com/' })).toContain('<a href="http://127.0.0.1:4000/">/</a>');
  });
});
