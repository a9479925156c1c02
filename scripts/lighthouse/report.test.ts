import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Judgement, LoadVerdict, PageVerdict } from './assert.ts';
import type { Manifest, ProgressEvent } from './collect.ts';
import type { CachedPage } from './page-cache.ts';
import {
  appendHistory,
  escapeHtml,
  formatFindings,
  formatProgress,
  formatScoreTable,
  formatShared,
  formatSummary,
  formatUnchanged,
  formatUnchangedRun,
  formatWhen,
  historyEntryOf,
  previousScores,
  pruneRuns,
  readHistory,
  renderReportsIndex,
  renderRunIndex,
  tableRows,
  type HistoryEntry,
  type SummaryInput,
} from './report.ts';
import type { SelectedPage, SharedPage, UnchangedPage } from './select-pages.ts';
import { passingVerdict } from './test-verdicts.ts';

// ---- fixtures ----

const selected: SelectedPage = { path: '/posts/a/', template: 'post', reason: 'changed', indexable: true, contentHash: 'h' };

const verdict = (fields: Partial<PageVerdict> = {}): PageVerdict => ({
  path: '/',
  url: 'http://127.0.0.1:4000/',
  template: 'home',
  reason: 'changed',
  indexable: true,
  scores: { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 },
  facts: { lcpMs: 1150, cls: 0, tbtMs: 63.4, bytes: 7300, requests: 7 },
  findings: [],
  report: 'pages/home.html',
  skippedAudits: [],
  failed: false,
  ...fields,
});

/** A page without timed runs: no performance score, no timings. */
const untimed = (fields: Partial<PageVerdict> = {}) =>
  verdict({ path: '/posts/b/', template: 'post', scores: { performance: null, accessibility: 100, 'best-practices': 100, seo: 100 }, facts: { cls: 0, bytes: 12_800, requests: 9 }, ...fields });

const seoFailure = verdict({
  path: '/posts/broken/',
  template: 'post',
  reason: 'retry',
  scores: { performance: null, accessibility: 100, 'best-practices': 100, seo: 92 },
  facts: { cls: 0, bytes: 7300, requests: 7 },
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

const quiet: LoadVerdict = { throttled: false, summary: 'other processes used 0.1 of 2 cores; Lighthouse CPU benchmark index 1,500' };
const busy: LoadVerdict = {
  throttled: true,
  reason: 'The machine was busy with other work while Lighthouse timed the page: other processes used 1.9 of 2 cores.',
  summary: 'other processes used 1.9 of 2 cores (load average 3.4); Lighthouse CPU benchmark index 650',
};
const timedWith = (load: LoadVerdict, fields: Partial<PageVerdict> = {}) => verdict({ timing: { runs: 3, load }, ...fields });

const manifest: Manifest = {
  version: 2,
  target: 'dist',
  preset: 'mobile',
  performanceRuns: 3,
  workers: 2,
  lighthouseVersion: '13.5.0',
  chrome: 'Chromium 156',
  startedAt: '2026-06-01T10:00:00.000Z',
  finishedAt: '2026-06-01T10:01:00.000Z',
  timing: { chromeStarts: [0.6, 0.7], deterministicRuns: [4.1, 3.9], timedRuns: [6.2, 5.9, 6.0], deterministicSeconds: 6, lockWaitSeconds: 0, timedSeconds: 18.1, totalSeconds: 26 },
  pages: [],
};

const judgement = (pages: PageVerdict[]): Judgement => {
  const errors = pages.flatMap((page) => page.findings).filter((finding) => finding.level === 'error').length;
  return { pages, errors, warnings: pages.flatMap((page) => page.findings).length - errors, passed: errors === 0 };
};

const unchanged: UnchangedPage[] = [
  { path: '/', template: 'home', since: '2026-06-01T10:01:00.000Z' },
  { path: '/posts/c/', template: 'post', since: '2026-05-31T09:00:00.000Z' },
  { path: '/posts/d/', template: 'post', since: '2026-05-30T08:15:00.000Z' },
];
const shared: SharedPage[] = [
  { path: '/tags/astro/', template: 'tag', with: '/tags/a11y/', because: 'shared-files' as const },
  { path: '/tags/seo/', template: 'tag', with: '/tags/a11y/', because: 'shared-files' as const },
];

const noSelectionNotes: SummaryInput['selection'] = { deferred: [], unchanged: [], shared: [], missingAlways: [], otherShards: 0 };
const summaryOf = (fields: Partial<SummaryInput> = {}) =>
  formatSummary({
    judgement: judgement([verdict(), seoFailure]),
    manifest,
    selection: noSelectionNotes,
    timedPages: ['/'],
    previous: new Map(),
    maxChangedPages: 25,
    reportIndex: 'reports/lighthouse/runs/x/index.html',
    ...fields,
  });

const load = { seconds: 6.1, cores: 2, otherCores: 0.3, ownCores: 1.1, machineBusyCores: 1.4, loadAverage1: 1.2, method: 'proc' as const };

// ---- the specification ----


describe('progress lines', () => {
  it.each<{ name: string; event: ProgressEvent; line: string }>([
    {
      name: 'a page starting names it, its template, why it is audited, its Chrome, the time spent and the time left',
      event: { kind: 'page-start', index: 3, total: 9, page: selected, worker: 2, elapsedMs: 40_000, remainingMs: 95_000 },
      line: '[3/9] /posts/a/ (post, changed) · Chrome 2 · 40 s elapsed · about 1:35 left',
    },
    {
      name: 'a retry says a fresh Chrome tries once more',
      event: { kind: 'page-retry', page: selected, reason: 'Lighthouse did not finish within 60 s' },
      line: '      /posts/a/ failed (Lighthouse did not finish within 60 s); retrying once with a fresh Chrome',
    },
    {
      name: 'a page done shows the deterministic scores the table shows: accessibility, best practices and SEO',
      event: { kind: 'page-done', page: selected, seconds: 4.23, scores: { performance: 55, accessibility: 100, 'best-practices': 96, seo: 100 } },
      line: '      /posts/a/: a11y 100 · bp 96 · seo 100 (4.2 s)',
    },
    {
      name: 'a page done shows a missing score as a dash',
      event: { kind: 'page-done', page: selected, seconds: 3, scores: { accessibility: 100, 'best-practices': null } },
      line: '      /posts/a/: a11y 100 · bp – · seo – (3.0 s)',
    },
    {
      name: 'a page that failed says so, and that the run goes on',
      event: { kind: 'page-done', page: selected, seconds: 30, scores: {}, failure: 'PAGE_HUNG (tried 2 times)' },
      line: '      ✗ could not audit /posts/a/: PAGE_HUNG (tried 2 times); continuing',
    },
    {
      name: 'the timing of a page starting says how many runs, one at a time',
      event: { kind: 'timed-start', index: 1, total: 2, page: selected, runs: 3, elapsedMs: 70_000, remainingMs: 40_000 },
      line: '[timing 1/2] /posts/a/ (post): 3 timed run(s), one at a time · 1:10 elapsed · about 40 s left',
    },
    {
      name: 'a timed run is numbered, with its score, LCP, TBT and the load of other processes',
      event: { kind: 'timed-run', page: selected, run: 1, of: 3, performance: 97, lcpMs: 1234, tbtMs: 63.4, load },
      line: '      timed run 1 of 3: perf 97 · LCP 1.2 s · TBT 63 ms · other processes 0.3 of 2 cores',
    },
    {
      name: 'a timed run leaves out what was not measured',
      event: { kind: 'timed-run', page: selected, run: 3, of: 3, performance: null, load: { ...load, otherCores: null, ownCores: null, machineBusyCores: null, method: 'loadavg' } },
      line: '      timed run 3 of 3: perf –',
    },
    {
      name: 'a page that could not be timed keeps its other results',
      event: { kind: 'timed-failed', page: selected, reason: 'Chrome crashed (tried 2 times)' },
      line: '      ✗ could not time /posts/a/: Chrome crashed (tried 2 times); its other results stand',
    },
  ])('$name', ({ event, line }) => expect(formatProgress(event)).toBe(line));
});

describe('the score table', () => {
  it('shows each page’s scores and facts in aligned columns, with a dash where a page was not timed', () => {
    expect(formatScoreTable([verdict(), seoFailure], new Map())).toEqual([
      '  page            template  why      perf  a11y  bp   seo  LCP    CLS    TBT    size   requests',
      '  /               home      changed  98    100   100  100  1.1 s  0.000  63 ms  7 KiB  7',
      '  /posts/broken/  post      retry    –     100   100  92   –      0.000  –      7 KiB  7',
    ]);
  });

  it('shows the change since the page’s previous audit', () => {
    const previous = new Map([['/', { scores: { performance: 100, accessibility: 96, 'best-practices': 100, seo: 100 } }]]);
    const [, row] = formatScoreTable([verdict()], previous);
    expect(row).toContain('98 −2');
    expect(row).toContain('100 +4');
  });

  it('shows no change for a page not timed this time', () => {
    const previous = new Map([['/posts/b/', { scores: { performance: 90 } }]]);
    const [, row] = formatScoreTable([untimed()], previous);
    expect(row).toMatch(/post +changed +– +100/);
  });

  it('marks a page that could not be audited', () => {
    const [, row] = formatScoreTable([verdict({ failed: true })], new Map());
    expect(row).toMatch(/failed {2}failed {2}failed {2}failed/);
  });
});

describe('findings', () => {
  it('give the audit title, its id, expected vs found and the documentation link, errors first', () => {
    const warned = verdict({ findings: [{ level: 'warn', id: 'performance', title: 'Performance score (median of 3 runs)', expected: '≥ 90', found: '61', causes: [] }] });
    expect(formatFindings([warned, seoFailure])).toEqual([
      '  ERROR /posts/broken/  SEO score [seo]: expected ≥ 100, found 92',
      '        · Document does not have a meta description [meta-description]: failed',
      '          https://developer.chrome.com/docs/lighthouse/seo/meta-description/',
      '  WARN  /  Performance score (median of 3 runs) [performance]: expected ≥ 90, found 61',
    ]);
  });

  it('say why a timing error was not held against the page', () => {
    const letOff = verdict({
      findings: [
        {
          level: 'warn',
          id: 'largest-contentful-paint',
          title: 'Largest Contentful Paint',
          expected: '≤ 2,500 ms',
          found: '4,100 ms (median of 3 runs)',
          docs: 'https://developer.chrome.com/docs/lighthouse/performance/lighthouse-largest-contentful-paint/',
          notFailedBecause: 'the machine was busy during the timed runs (other processes used 1.9 of 2 cores); run npm run audit again when the machine is quiet',
        },
      ],
    });
    expect(formatFindings([letOff])).toEqual([
      '  WARN  /  Largest Contentful Paint [largest-contentful-paint]: expected ≤ 2,500 ms, found 4,100 ms (median of 3 runs)',
      '        not failed: the machine was busy during the timed runs (other processes used 1.9 of 2 cores); run npm run audit again when the machine is quiet',
      '        https://developer.chrome.com/docs/lighthouse/performance/lighthouse-largest-contentful-paint/',
    ]);
  });
});

describe('pages not audited again', () => {
  it('are dated: "2 Dec 2026, 00:41 UTC"', () => {
    expect(formatWhen('2026-05-30T08:15:00.000Z')).toBe('30 May 2026, 08:15 UTC');
  });

  it('are listed by template with the date of the oldest kept result', () => {
    expect(formatUnchanged(unchanged)).toEqual([
      '3 page(s) unchanged since their last audit; their results stand:',
      '  home: / unchanged since 1 Jun 2026, 10:01 UTC',
      '  post: 2 pages (/posts/c/, /posts/d/), unchanged since 30 May 2026, 08:15 UTC or later',
    ]);
    expect(formatUnchanged([])).toEqual([]);
  });

  it('name at most three paths of a template, then how many more', () => {
    const many = ['a', 'b', 'c', 'd', 'e'].map((name) => ({ path: `/posts/${name}/`, template: 'post', since: '2026-05-30T08:15:00.000Z' }));
    expect(formatUnchanged(many)[1]).toBe('  post: 5 pages (/posts/a/, /posts/b/, /posts/c/ and 2 more), unchanged since 30 May 2026, 08:15 UTC or later');
  });

  it('that share a representative’s result are grouped by it', () => {
    expect(formatShared([...shared, { path: '/posts/z/', template: 'post', with: '/posts/a/', because: 'shared-files' as const }])).toEqual([
      '2 other tag page(s) share the result of /tags/a11y/ (only files they share with it changed): /tags/astro/, /tags/seo/.',
      '1 other post page(s) share the result of /posts/a/ (only files they share with it changed): /posts/z/.',
    ]);
    expect(formatShared([{ path: '/posts/z/', template: 'post', with: '/posts/a/', because: 'shared-sources' }])).toEqual([
      '1 other post page(s) share the result of /posts/a/ (the sources of their template changed): /posts/z/.',
    ]);
  });
});

describe('a run with nothing to audit', () => {
  const kept = (findings: PageVerdict['findings']): CachedPage => ({
    inputs: {} as CachedPage['inputs'],
    at: '2026-05-30T08:15:00.000Z',
    passed: true,
    verdict: verdict({ findings }),
    observedPaths: [],
  });

  it('says why, which kept results stand and how to audit everything again', () => {
    const text = formatUnchangedRun({ maxChangedPages: 100,
      target: 'dist',
      selection: { unchanged, deferred: [], otherShards: 0, missingAlways: [] },
      cache: { '/': kept([{ level: 'warn', id: 'performance', title: 'Performance score', expected: '≥ 90', found: '85' }]), '/posts/c/': kept([]), '/posts/d/': kept([]) },
    });
    expect(text).toBe(
      [
        "Lighthouse: nothing to audit in dist: no page's HTML, loaded files or headers changed since its last audit.",
        '  3 page(s) unchanged since their last audit; their results stand:',
        '    home: / unchanged since 1 Jun 2026, 10:01 UTC',
        '    post: 2 pages (/posts/c/, /posts/d/), unchanged since 30 May 2026, 08:15 UTC or later',
        '✓ Every page meets its budgets (kept results, 1 warning(s) among them). npm run audit -- --all audits every page again.',
      ].join('\n'),
    );
  });

  it('mentions the other shards, and no warnings when the kept results have none', () => {
    const text = formatUnchangedRun({ maxChangedPages: 100, target: 'dist', selection: { unchanged: unchanged.slice(0, 1), deferred: [], otherShards: 2, missingAlways: ['/posts/gone/'] }, cache: {} });
    expect(text).toContain('\n  2 page(s) are audited by the other shards.\n');
    expect(text).toContain('\n  audit.alwaysAudit lists /posts/gone/, which this build does not have.\n');
    expect(text).toContain('✓ Every page meets its budgets (kept results). npm run audit -- --all audits every page again.');
  });
});

describe('the summary', () => {
  it('starts with what was audited and how performance was timed', () => {
    expect(summaryOf().split('\n')[0]).toBe('Lighthouse 13.5.0 audit of dist · mobile · 2 page(s) · perf, LCP and TBT: median of 3 timed runs, – where a page was not timed');
    expect(summaryOf({ manifest: { ...manifest, performanceRuns: 1 } }).split('\n')[0]).toContain('perf, LCP and TBT: 1 timed run, – where a page was not timed');
  });

  it('ends with a clear verdict, the reports folder and the audit’s own timing in pages per minute', () => {
    const text = summaryOf();
    expect(text).toContain(
      '\n  Timing: deterministic pass: 2 page(s) on 2 Chrome(s) in 6 s (20 pages/min); timed pass: 3 run(s) one at a time in 18 s; Chrome started 2 time(s); 26 s in all.\n',
    );
    expect(text).toContain('\n  Reports: reports/lighthouse/runs/x/index.html\n');
    expect(text).toContain('\n✗ Below budget: 1 error(s), 0 warning(s)\n  ERROR /posts/broken/  SEO score [seo]');
  });

  it('says how long the timed runs waited for another audit’s on this machine', () => {
    const text = summaryOf({ manifest: { ...manifest, timing: { ...manifest.timing, lockWaitSeconds: 95, totalSeconds: 121 } } });
    expect(text).toContain('timed pass: 3 run(s) one at a time in 18 s, after waiting 1:35 for another audit\'s timed runs; Chrome started 2 time(s); 2:01 in all.');
  });

  it('leaves the timed pass out of the Timing line when no page was timed', () => {
    const text = summaryOf({ manifest: { ...manifest, timing: { ...manifest.timing, timedRuns: [], timedSeconds: 0 } }, timedPages: [] });
    expect(text).toContain('  Timing: deterministic pass: 2 page(s) on 2 Chrome(s) in 6 s (20 pages/min); Chrome started 2 time(s); 26 s in all.');
    expect(text).not.toContain('Timed (performance score');
  });

  it('says which pages were timed', () => {
    expect(summaryOf({ timedPages: ['/', '/posts/a/'] })).toContain(
      '\n  Timed (performance score, LCP, TBT): /, /posts/a/; pages of one template share their layout, CSS and scripts (audit.timedPages).\n',
    );
  });

  it('passes with warnings only, and lists them', () => {
    const warned = verdict({ findings: [{ level: 'warn', id: 'performance', title: 'Performance score', expected: '≥ 90', found: '40' }] });
    const text = summaryOf({ judgement: judgement([warned]) });
    expect(text).toContain('\n✓ Budgets met: 0 error(s), 1 warning(s)\n  WARN  /  Performance score [performance]: expected ≥ 90, found 40');
  });

  it('says what was not audited and why', () => {
    const text = summaryOf({
      judgement: judgement([verdict({ path: '/404.html', indexable: false, skippedAudits: ['is-crawlable'] })]),
      selection: {
        deferred: [
          { page: selected, why: 'max-changed-pages' },
          { page: selected, why: 'max-pages' },
        ],
        unchanged,
        shared,
        missingAlways: ['/posts/gone/'],
        otherShards: 4,
      },
    });
    for (const note of [
      '2 other tag page(s) share the result of /tags/a11y/ (only files they share with it changed): /tags/astro/, /tags/seo/.',
      '3 page(s) unchanged since their last audit; their results stand:',
      '  home: / unchanged since 1 Jun 2026, 10:01 UTC',
      '  post: 2 pages (/posts/c/, /posts/d/), unchanged since 30 May 2026, 08:15 UTC or later',
      '1 more changed page(s) wait for the next run (audit.maxChangedPages is 25; --all audits everything).',
      '1 page(s) left out by --max-pages.',
      '4 page(s) are audited by the other shards.',
      'audit.alwaysAudit lists /posts/gone/, which this build does not have.',
      'Not in the sitemap, so not checked for indexability (is-crawlable): /404.html.',
    ]) {
      expect(text).toContain(`\n  ${note}\n`);
    }
    expect(text).toContain('✓ Every audited page meets its budgets.');
  });

  it('says the machine was quiet enough to trust the timings', () => {
    const text = summaryOf({ judgement: judgement([timedWith(quiet), untimed()]) });
    expect(text).toContain(['  Machine load during the timed runs (quiet enough to trust the timings):', '    /: other processes used 0.1 of 2 cores; Lighthouse CPU benchmark index 1,500', ''].join('\n'));
    expect(text).not.toContain('busy');
  });

  it('says when the machine was busy, on which pages, why, and that default budgets let nothing off', () => {
    const text = summaryOf({ judgement: judgement([timedWith(quiet), timedWith(busy, { path: '/posts/a/' }), untimed()]) });
    expect(text).toContain(
      [
        '  ⚠ The machine was busy during the timed runs of 1 of 2 page(s): their timings read slower than the pages are.',
        '    /posts/a/: other processes used 1.9 of 2 cores (load average 3.4); Lighthouse CPU benchmark index 650 (busy)',
        '    /: other processes used 0.1 of 2 cores; Lighthouse CPU benchmark index 1,500',
        '    The machine was busy with other work while Lighthouse timed the page: other processes used 1.9 of 2 cores.',
        '    No timing error was let off; to measure timing again on a quiet machine, run npm run audit -- --all.',
      ].join('\n'),
    );
  });

  it('says which timing errors a busy machine turned into warnings, and that those pages are timed again', () => {
    const letOff = { level: 'warn' as const, id: 'largest-contentful-paint', title: 'Largest Contentful Paint', expected: '≤ 2,500 ms', found: '4,100 ms', notFailedBecause: 'the machine was busy' };
    const page = timedWith(busy, { path: '/posts/a/' });
    const text = summaryOf({ judgement: judgement([{ ...page, findings: [letOff] }]) });
    expect(text).toContain('    Timing errors on 1 page(s) are reported as warnings instead; those pages are audited and timed again on the next run.');
    expect(text).toContain('        not failed: the machine was busy');
  });

  it('says nothing about load when no page was timed', () => {
    expect(summaryOf({ judgement: judgement([untimed()]) })).not.toContain('Machine load');
  });
});

describe('the printed table on a large run', () => {
  const page = (index: number, findings: PageVerdict['findings'] = []): PageVerdict => passingVerdict(`/posts/p${index}/`, { reason: 'all', findings });
  const warning = { level: 'warn' as const, id: 'legacy-javascript-insight', title: 'Legacy JavaScript', expected: 'at most 0 items', found: '1 item' };

  it('shows every page of a small run', () => {
    expect(tableRows([page(1), page(2)], 40)).toHaveLength(2);
  });

  it('shows the pages with findings first, then others up to the limit', () => {
    const pages = [...Array.from({ length: 50 }, (_, index) => page(index)), page(99, [warning])];
    const rows = tableRows(pages, 40);
    expect(rows).toHaveLength(40);
    expect(rows[0]!.path).toBe('/posts/p99/');
  });

  it('never hides a page with findings, however many there are', () => {
    const pages = Array.from({ length: 45 }, (_, index) => page(index, [warning]));
    expect(tableRows(pages, 40)).toHaveLength(45);
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
    appendHistory(file, historyEntryOf(judgement([verdict(), untimed()]), manifest, 'runs/one'));
    writeFileSync(file, '{"at": "cut sh', { flag: 'a' });
    appendHistory(file, historyEntryOf(judgement([verdict({ failed: true, path: '/x/' })]), manifest, 'runs/two'));
    const history = readHistory(file);
    expect(history.map((item) => item.runDir)).toEqual(['runs/one', 'runs/two']);
    expect(history[0]!.pages['/']).toEqual({ performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 });
    expect(history[0]!.pages['/posts/b/']).toEqual({ performance: null, accessibility: 100, 'best-practices': 100, seo: 100 });
    expect(history[1]!.pages).toEqual({}); // a page that could not be audited has no scores to compare with
  });

  it('keeps each audited page\'s LCP, CLS, TBT and bytes beside its scores, for the report\'s charts', () => {
    const entry = historyEntryOf(judgement([verdict(), untimed(), verdict({ failed: true, path: '/x/' })]), manifest, 'runs/one');
    expect(entry.facts).toEqual({
      '/': { lcpMs: 1150, cls: 0, tbtMs: 63.4, bytes: 7300 },
      '/posts/b/': { cls: 0, bytes: 12_800 }, // no timed runs: no LCP or TBT
    });
  });

  it('still reads entries written before it kept metrics', () => {
    const file = join(directory, 'old-history.jsonl');
    writeFileSync(file, `${JSON.stringify(entry('1', { '/': { seo: 100 } }))}\n`);
    appendHistory(file, historyEntryOf(judgement([verdict()]), manifest, 'runs/new'));
    const history = readHistory(file);
    expect(history[0]!.facts).toBeUndefined();
    expect(previousScores(history, 'dist', 'mobile').get('/')?.scores).toEqual(verdict().scores);
  });

  it('is empty before the first run', () => {
    expect(readHistory(join(directory, 'missing.jsonl'))).toEqual([]);
  });
});

describe('escaping for HTML', () => {
  it.each([
    { text: '<script>', expected: '&lt;script&gt;' },
    { text: 'a & b', expected: 'a &amp; b' },
    { text: `"it's"`, expected: '&quot;it&#39;s&quot;' },
    { text: '/posts/a/', expected: '/posts/a/' },
  ])('turns $text into $expected', ({ text, expected }) => expect(escapeHtml(text)).toBe(expected));
});

describe('the HTML index of a run', () => {
  it('links each page’s Lighthouse report and JSON, and escapes what it shows', () => {
    const html = renderRunIndex(judgement([verdict({ path: '/<script>/', report: 'pages/x.html' }), seoFailure]), manifest);
    expect(html).toContain('<a href="pages/x.html">report</a> · <a href="pages/x.json">JSON</a>');
    expect(html).toContain('/&lt;script&gt;/');
    expect(html).not.toContain('/<script>/');
    expect(html).toContain('<a href="https://developer.chrome.com/docs/lighthouse/seo/meta-description/">docs</a>');
    expect(html).toContain('Below budget: 1 error(s)');
    expect(html).toContain('no page timed');
  });

  it('links pages only on a deployed site: the local server is gone once the run ends', () => {
    expect(renderRunIndex(judgement([verdict()]), manifest)).not.toContain('http://127.0.0.1:4000/');
    expect(renderRunIndex(judgement([verdict()]), { ...manifest, target: 'https://example.com/' })).toContain('<a href="http://127.0.0.1:4000/">/</a>');
  });

  it('says why a timing error was not held against a page', () => {
    const letOff = verdict({
      findings: [{ level: 'warn', id: 'largest-contentful-paint', title: 'Largest Contentful Paint', expected: '≤ 2,500 ms', found: '4,100 ms', notFailedBecause: 'the machine was busy (load > 2 cores)' }],
    });
    expect(renderRunIndex(judgement([letOff]), manifest)).toContain(
      '<li class="warn"><strong>WARN</strong> /: Largest Contentful Paint <code>largest-contentful-paint</code>, expected ≤ 2,500 ms, found 4,100 ms (not failed: the machine was busy (load &gt; 2 cores))</li>',
    );
  });

  it('lists the pages not audited again: those sharing a result, then those unchanged, with the date', () => {
    const html = renderRunIndex(judgement([verdict()]), manifest, { shared: shared.slice(0, 1), unchanged: [{ path: '/posts/<c>/', template: 'post', since: '2026-05-30T08:15:00.000Z' }] });
    expect(html).toContain(
      [
        '<h2>Not audited again</h2>',
        '<table><thead><tr><th>page</th><th>template</th><th>result</th></tr></thead><tbody>',
        '<tr><td>/tags/astro/</td><td>tag</td><td>shares the result of /tags/a11y/</td></tr>',
        '<tr><td>/posts/&lt;c&gt;/</td><td>post</td><td>unchanged since 30 May 2026, 08:15 UTC</td></tr>',
        '</tbody></table>',
      ].join('\n'),
    );
  });

  it('has no such table when every page was audited', () => {
    expect(renderRunIndex(judgement([verdict()]), manifest)).not.toContain('Not audited again');
    expect(renderRunIndex(judgement([verdict()]), manifest, { shared: [], unchanged: [] })).not.toContain('Not audited again');
  });
});

describe('the reports folder', () => {
  const directory = mkdtempSync(join(tmpdir(), 'audit-reports-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('keeps the newest runs and deletes the rest', () => {
    for (const run of ['2026-06-01-a', '2026-06-02-b', '2026-06-03-c']) mkdirSync(join(directory, 'runs', run), { recursive: true });
    expect(pruneRuns(directory, 2)).toEqual(new Set(['runs/2026-06-02-b', 'runs/2026-06-03-c']));
    expect(existsSync(join(directory, 'runs', '2026-06-01-a'))).toBe(false);
  });

  it('has a front page listing the kept runs, newest first', () => {
    const history: HistoryEntry[] = [
      { at: '2026-06-01T10:00:00.000Z', target: 'dist', preset: 'mobile', passed: false, runDir: 'runs/old', pages: { '/': {} } },
      { at: '2026-06-02T10:00:00.000Z', target: 'dist', preset: 'mobile', passed: true, runDir: 'runs/a', pages: { '/': {} } },
      { at: '2026-06-03T10:00:00.000Z', target: 'dist', preset: 'mobile', passed: false, runDir: 'runs/b', pages: { '/': {}, '/a/': {} } },
    ];
    const html = renderReportsIndex(history, new Set(['runs/a', 'runs/b']));
    expect(html).toContain(
      [
        '<li class="error"><a href="runs/b/index.html">2026-06-03T10:00:00.000Z</a> · dist · mobile · 2 page(s) · below budget</li>',
        '<li class="ok"><a href="runs/a/index.html">2026-06-02T10:00:00.000Z</a> · dist · mobile · 1 page(s) · budgets met</li>',
      ].join('\n'),
    );
    expect(html).not.toContain('runs/old');
  });
});
