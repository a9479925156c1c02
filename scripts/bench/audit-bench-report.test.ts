import { describe, expect, it } from 'vitest';
import {
  auditRunOf,
  deterministicPagesPerMinute,
  expectedPages,
  formatAuditMarkdown,
  formatAuditProgress,
  judgeAuditTargets,
  parseAuditOutput,
  type AuditBenchResult,
  type AuditRun,
  type AuditRunFiles,
  type AuditScenario,
} from './audit-bench-report.ts';

const TEMPLATES = ['home', 'post', 'tag'];

const unchangedOutput = `Lighthouse: nothing to audit in /tmp/bench/dist: no page's HTML, loaded files or headers changed since its last audit.
  40 page(s) unchanged since 2 Dec 2026, 01:06 UTC.
✓ Every page meets its budgets (kept results). npm run audit -- --all audits every page again.`;

const auditedOutput = `Lighthouse: 1 of 40 pages of /tmp/bench/dist to audit, mobile: accessibility, best practices, SEO and performance facts on 1 Chrome(s) at once; timing on 1 page(s), 3 run(s) each, one at a time.
Waiting for another Lighthouse audit on this machine (pid 4242, holding it for 12 s) to finish its timed runs; taken over in 29:48 at most.
  Timing: deterministic pass: 1 page(s) on 1 Chrome(s) in 3 s (20 pages/min); timed pass: 3 run(s) one at a time in 21 s; Chrome started 2 time(s); 26 s in all.
  Reports: /tmp/bench/lighthouse-reports/runs/2026-12-02T01-06-00-000Z-mobile/index.html

✓ Every audited page meets its budgets.`;

const timing = (deterministicSeconds: number, timedRuns = 0) => ({
  chromeStarts: [0.4],
  deterministicRuns: [],
  timedRuns: Array.from({ length: timedRuns }, () => 7),
  deterministicSeconds,
  timedSeconds: timedRuns * 7,
  totalSeconds: deterministicSeconds + timedRuns * 7,
});

const files = (paths: [string, string][], deterministicSeconds = 3, timedRuns = 0): AuditRunFiles => ({
  manifest: { workers: 2, timing: timing(deterministicSeconds, timedRuns) },
  judgement: { pages: paths.map(([path, template]) => ({ path, template, reason: 'changed', failed: false })), errors: 0, warnings: 0 },
});

const run = (milliseconds: number, pages: [string, string][] = [], extra: Partial<AuditRun> = {}): AuditRun => ({
  ...auditRunOf({ exitCode: 0, milliseconds, output: pages.length === 0 ? unchangedOutput : auditedOutput, ...(pages.length > 0 ? { files: files(pages) } : {}) }),
  waitedForLock: false,
  ...extra,
});

const result = (scenarios: AuditScenario[]): AuditBenchResult => ({ posts: 60, pages: 40, templates: TEMPLATES, warmBuildMs: 9_000, scenarios });

const onTarget: AuditScenario[] = [
  { name: 'unchanged', build: { kind: 'warm', milliseconds: 9_000 }, audit: run(1_200) },
  { name: 'one-post', build: { kind: 'warm', milliseconds: 9_500 }, audit: run(25_000, [['/posts/synthetic-30/', 'post']]) },
  { name: 'css', build: { kind: 'none' }, audit: run(40_000, [['/', 'home'], ['/posts/synthetic-1/', 'post'], ['/tags/seo/', 'tag']]) },
  {
    name: 'throughput',
    build: { kind: 'none' },
    audit: { ...run(100_000, Array.from({ length: 40 }, (_, index): [string, string] => [`/posts/synthetic-${index + 1}/`, 'post'])), timing: timing(90) },
  },
];

describe('parseAuditOutput', () => {
  it.each([
    { case: 'nothing changed', output: unchangedOutput, expected: { nothingToAudit: true, waitedForLock: false } },
    {
      case: 'pages audited, after waiting for the lock',
      output: auditedOutput,
      expected: { nothingToAudit: false, reportIndex: '/tmp/bench/lighthouse-reports/runs/2026-12-02T01-06-00-000Z-mobile/index.html', waitedForLock: true },
    },
    { case: 'every changed page deferred', output: 'Lighthouse: nothing audited in dist/ this run.', expected: { nothingToAudit: true, waitedForLock: false } },
    { case: 'Chrome missing after a build', output: '⚠ Lighthouse audit skipped: no Chrome', expected: { nothingToAudit: false, waitedForLock: false } },
  ])('reads $case', ({ output, expected }) => {
    expect(parseAuditOutput(output)).toEqual(expected);
  });
});

describe('auditRunOf', () => {
  it('takes the pages audited and the passes from the run folder', () => {
    const measured = auditRunOf({ exitCode: 0, milliseconds: 26_500, output: auditedOutput, files: files([['/posts/a/', 'post']], 3, 3), peakMemoryBytes: 5e8, otherCores: 0.1 });
    expect(measured).toMatchObject({
      nothingToAudit: false,
      audited: [{ path: '/posts/a/', template: 'post', reason: 'changed' }],
      workers: 2,
      errors: 0,
      waitedForLock: true,
      peakMemoryBytes: 5e8,
      otherCores: 0.1,
    });
    expect(measured.timing?.timedRuns).toHaveLength(3);
  });

  it('has no pages and no passes when there was nothing to audit', () => {
    expect(auditRunOf({ exitCode: 0, milliseconds: 900, output: unchangedOutput })).toEqual({ exitCode: 0, milliseconds: 900, nothingToAudit: true, audited: [], waitedForLock: false });
  });
});

describe('deterministicPagesPerMinute', () => {
  it.each([
    { pages: 40, seconds: 90, expected: (40 / 90) * 60 },
    { pages: 1, seconds: 3, expected: 20 },
  ])('is $pages page(s) in $seconds s → $expected', ({ pages, seconds, expected }) => {
    const measured = { ...run(1, Array.from({ length: pages }, (_, index): [string, string] => [`/p${index}/`, 'post'])), timing: timing(seconds) };
    expect(deterministicPagesPerMinute(measured)).toBeCloseTo(expected);
  });

  it('is not a number when the run had no deterministic pass', () => {
    expect(deterministicPagesPerMinute(run(900))).toBeNaN();
  });
});

describe('expectedPages', () => {
  it.each([
    { name: 'unchanged', expected: 0 },
    { name: 'one-post', expected: 1 },
    { name: 'css', expected: 3 },
    { name: 'first', expected: undefined },
    { name: 'throughput', expected: undefined },
  ] as const)('for $name is $expected', ({ name, expected }) => {
    expect(expectedPages(name, TEMPLATES)).toBe(expected);
  });
});

describe('judgeAuditTargets', () => {
  it('meets every target when the figures are inside them', () => {
    expect(judgeAuditTargets(result(onTarget))).toEqual([
      { target: 'unchanged rebuild: audit adds < 3 s', measured: '1.20 s', met: true },
      { target: 'unchanged rebuild: audits 0 pages', measured: '0 page(s)', met: true },
      { target: 'one post edited: audits 1 page', measured: '1 page(s)', met: true },
      { target: 'shared CSS changed: audits one page per template (3)', measured: '3 page(s) (3 of 3 templates)', met: true },
      { target: 'deterministic pass ≥ 20 pages/min', measured: '26.7 pages/min on 2 Chrome(s)', met: true },
    ]);
  });

  it.each([
    { case: 'an unchanged audit that takes 3 s or more', index: 0, scenario: { ...onTarget[0]!, audit: run(3_000) }, measured: '3.00 s' },
    { case: 'an unchanged rebuild that audits a page', index: 1, scenario: { ...onTarget[0]!, audit: run(2_000, [['/', 'home']]) }, measured: '1 page(s)' },
    { case: 'one post edited that audits its list pages too', index: 2, scenario: { ...onTarget[1]!, audit: run(30_000, [['/posts/synthetic-30/', 'post'], ['/page/6/', 'list']]) }, measured: '2 page(s)' },
    { case: 'a CSS change that audits two pages of one template', index: 3, scenario: { ...onTarget[2]!, audit: run(40_000, [['/', 'home'], ['/posts/a/', 'post'], ['/posts/b/', 'post']]) }, measured: '3 page(s) (2 of 3 templates)' },
    { case: 'a slow deterministic pass', index: 4, scenario: { ...onTarget[3]!, audit: { ...onTarget[3]!.audit, timing: timing(150) } }, measured: '16.0 pages/min on 2 Chrome(s)' },
  ])('fails $case', ({ index, scenario, measured }) => {
    const scenarios = onTarget.map((item) => (item.name === scenario.name ? scenario : item));
    expect(judgeAuditTargets(result(scenarios))[index]).toMatchObject({ measured, met: false });
  });

  it('leaves a target unjudged when its scenario was not measured', () => {
    expect(judgeAuditTargets(result([])).map((verdict) => verdict.met)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('formatAuditMarkdown', () => {
  it('gives a row per scenario, its build beside it, then the targets', () => {
    const first: AuditScenario = { name: 'first', build: { kind: 'cold', milliseconds: 31_000 }, audit: { ...run(150_000, [['/', 'home']]), exitCode: 1, errors: 2, otherCores: 0.6 } };
    expect(formatAuditMarkdown(result([first, ...onTarget]), 2)).toMatchInlineSnapshot(`
      "## Lighthouse audit: 60 posts (40 pages, 3 templates)

      Each audit after the build it follows (\`astro build\` of the same site; a warm build with nothing changed takes 9.00 s). Audit time is the whole \`npm run audit\` process; the deterministic pass runs on up to 2 Chrome(s), timed runs one at a time.

      | scenario | build before it | audit | pages audited | audit passes | deterministic pages/min | peak memory | notes |
      |---|---|---|---|---|---|---|---|
      | first audit (empty cache, --all) | 31.0 s (cold) | 150.0 s | 1: / | 3.00 s deterministic | 20.0 on 2 | – | exit 1 (2 budget error(s)); other processes used 0.6 cores |
      | unchanged rebuild | 9.00 s (warm) | 1.20 s | 0 (nothing to audit) | – | – | – |  |
      | one post's Markdown edited | 9.50 s (warm) | 25.0 s | 1: /posts/synthetic-30/ | 3.00 s deterministic | 20.0 on 2 | – |  |
      | shared CSS changed (made on dist/: new hash in every page) | – | 40.0 s | 3 (3 templates) | 3.00 s deterministic | 60.0 on 2 | – |  |
      | deterministic pass only (--all --timed none) | – | 100.0 s | 40 | 90.0 s deterministic | 26.7 on 2 | – |  |

      | target | measured | met |
      |---|---|---|
      | unchanged rebuild: audit adds < 3 s | 1.20 s | yes |
      | unchanged rebuild: audits 0 pages | 0 page(s) | yes |
      | one post edited: audits 1 page | 1 page(s) | yes |
      | shared CSS changed: audits one page per template (3) | 3 page(s) (3 of 3 templates) | yes |
      | deterministic pass ≥ 20 pages/min | 26.7 pages/min on 2 Chrome(s) | yes |
      "
    `);
  });
});

describe('formatAuditProgress', () => {
  it.each([
    { name: 'unchanged', audit: run(1_234), expected: 'audit · unchanged rebuild: 1.23 s, nothing to audit' },
    {
      name: 'one-post',
      audit: { ...run(26_000, [['/posts/a/', 'post']]), timing: timing(3, 3), waitedForLock: true },
      expected: "audit · one post's Markdown edited: 26.0 s, 1 page(s) audited (3.00 s deterministic + 21.0 s timed (3 run(s))); waited for another audit's timed runs",
    },
  ] as const)('says what the $name audit did', ({ name, audit, expected }) => {
    expect(formatAuditProgress(name, audit)).toBe(expected);
  });
});
