import { describe, expect, it } from 'vitest';
import { formatMarkdown, judgeTargets, median, parseStageTimes, reportWeightOf, staticImports, type BenchResult, type BuildMeasurement } from './bench-report.ts';

const buildOutput = `
11:44:18 [build] ✓ Completed in 1.30s.
13:12:46 [urban-haze:og-images] 1000 cards: 250 rendered, 750 from cache (5200 ms)
 generating static routes
11:44:19   ├─ /index.html (+3ms)
11:44:26 ✓ Completed in 7.42s.
 generating optimized images
11:44:26 ✓ Completed in 12ms.
12:04:29 [urban-haze:seo-lint] SEO lint: 1757 pages, sitemap-index.xml, sitemap-0.xml, robots.txt and rss.xml checked in 880 ms: 2 warnings on 2 pages. JSON report: reports/seo-lint.json
12:04:30 [urban-haze:seo-lint] SEO report: reports/index.html (1756 pages, 1 risky change since the last build; 412 ms)
12:04:31 [urban-haze:search-index] indexed 1000 posts into pagefind/ in 2.30s
`;

describe('parseStageTimes', () => {
  it('reads each stage from the build output', () => {
    expect(parseStageTimes(buildOutput)).toEqual({
      renderMs: 7420,
      ogImagesMs: 5200,
      ogImagesRendered: 250,
      seoLintMs: 880,
      seoLintPages: 1757,
      searchMs: 2300,
      seoReportMs: 412,
    });
  });

  it('leaves out stages the build did not run', () => {
    expect(parseStageTimes('nothing to see')).toEqual({});
  });
});

describe('median', () => {
  it.each([
    { values: [3, 1, 2], expected: 2 },
    { values: [4, 1, 3, 2], expected: 3 },
    { values: [5], expected: 5 },
  ])('of $values is $expected', ({ values, expected }) => {
    expect(median(values)).toBe(expected);
  });
});

describe('judgeTargets', () => {
  const measurement = (milliseconds: number, memory: number, stages = {}): BuildMeasurement => ({ milliseconds, peakMemoryBytes: memory, stages });
  const result = (fullMs: number, fullMemory: number): BenchResult => ({
    posts: 1000,
    pages: 1757,
    full: {
      cold: measurement(60_000, 2e9, { ogImagesMs: 20_000, ogImagesRendered: 1000 }),
      warm: measurement(fullMs, fullMemory, { seoLintMs: 1000, seoLintPages: 1757, seoReportMs: 700 }),
      warmRuns: [],
      distBytes: 1,
    },
    baseline: { cold: measurement(10_000, 1e9), warm: measurement(10_000, 1e9), warmRuns: [], distBytes: 1 },
    postPage: { htmlBytes: 20_000, htmlGzipBytes: 6000, cssBytes: 8000, cssGzipBytes: 2500, jsBytes: 400, jsGzipBytes: 300, scripts: ['/_astro/ThemeToggle.js'] },
  });

  it('meets every target when the figures are inside them', () => {
    expect(judgeTargets(result(14_000, 1.1e9)).map((verdict) => verdict.met)).toEqual([true, true, true, true, true, true, true]);
  });

  it.each([
    { warmMs: 14_000, measured: '5.0% (700 ms of 14.00 s)', met: true },
    { warmMs: 7_000, measured: '10.0% (700 ms of 7.00 s)', met: false },
  ])('judges the SEO report at 700 ms of a $warmMs ms warm build: $measured', ({ warmMs, measured, met }) => {
    const verdict = judgeTargets(result(warmMs, 1.1e9)).find((each) => each.target.startsWith('SEO report'));
    expect(verdict).toEqual({ target: 'SEO report adds < 10% to a warm build', measured, met });
  });

  it('says the SEO report was not measured when the build printed no report line', () => {
    const bench = result(14_000, 1.1e9);
    bench.full.warm.stages = { seoLintMs: 1000, seoLintPages: 1757 };
    expect(judgeTargets(bench).find((each) => each.target.startsWith('SEO report'))).toEqual({ target: 'SEO report adds < 10% to a warm build', measured: 'not measured', met: undefined });
  });

  it('tables the SEO report stage and the report\'s weight', () => {
    const bench = { ...result(14_000, 1.1e9), report: { indexBytes: 600 * 1024, pages: 1756, pageMedianBytes: 12 * 1024, pageMaxBytes: 20 * 1024, totalBytes: 60 * 1024 * 1024 } };
    const markdown = formatMarkdown([bench], 2, 'test CPU');
    expect(markdown).toContain('| SEO report | – | 0.70 s |');
    expect(markdown).toContain('| index.html | 600.0 KB |');
    expect(markdown).toContain('| page per URL (1,756): median | 12.0 KB |');
    expect(markdown).toContain('| page per URL: largest | 20.0 KB |');
    expect(markdown).toContain('| every file | 60 MB |');
    expect(markdown).toContain('| SEO report adds < 10% to a warm build | 5.0% (700 ms of 14.00 s) | yes |');
  });

  it('reports the ratio and fails when the warm build is too slow or too big', () => {
    const [time, memory] = judgeTargets(result(16_000, 1.3e9));
    expect(time).toEqual({ target: 'warm build time ≤ 1.5× baseline', measured: '1.60×', met: false });
    expect(memory).toEqual({ target: 'warm peak memory ≤ 1.2× baseline', measured: '1.30×', met: false });
  });
});

describe('reportWeightOf', () => {
  it('weighs the index, the median and largest page per URL, and every file', () => {
    const files = new Map([
      ['index.html', 5000],
      ['pages/home.html', 100],
      ['pages/posts_a.html', 300],
      ['pages/posts_b.html', 200],
      ['report.css', 50],
      ['images/og/a.png', 1000],
    ]);
    expect(reportWeightOf(files)).toEqual({ indexBytes: 5000, pages: 3, pageMedianBytes: 200, pageMaxBytes: 300, totalBytes: 6650 });
  });

  it('is undefined when the build wrote no report', () => {
    expect(reportWeightOf(new Map([['seo-lint.json', 10]]))).toBeUndefined();
  });
});

describe('staticImports', () => {
  it('follows the imports a script needs before it runs, not the ones it loads on demand', () => {
    const code = 'import{t as e}from"./theme-toggle.BW.js";import"./polyfill.js";e(document);const c=()=>import("./giscus.Cg.js");';
    expect(staticImports(code)).toEqual(['./theme-toggle.BW.js', './polyfill.js']);
  });

  it('ignores bare package names, which a built bundle never loads', () => {
    expect(staticImports('import x from "lit";export{a as b}from"../shared/a.js";')).toEqual(['../shared/a.js']);
  });
});
