import { describe, expect, it } from 'vitest';
import { judgeTargets, median, parseStageTimes, staticImports, type BenchResult, type BuildMeasurement } from './bench-report.ts';

const buildOutput = `
11:44:18 [build] ✓ Completed in 1.30s.
13:12:46 [urban-haze:og-images] 1000 cards: 250 rendered, 750 from cache (5200 ms)
 generating static routes
11:44:19   ├─ /index.html (+3ms)
11:44:26 ✓ Completed in 7.42s.
 generating optimized images
11:44:26 ✓ Completed in 12ms.
12:04:29 [urban-haze:seo-lint] SEO lint: 1757 pages, sitemap-index.xml, sitemap-0.xml, robots.txt and rss.xml checked in 880 ms: 2 warnings on 2 pages. JSON report: reports/seo-lint.json
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
      warm: measurement(fullMs, fullMemory, { seoLintMs: 1000, seoLintPages: 1757 }),
      warmRuns: [],
      distBytes: 1,
    },
    baseline: { cold: measurement(10_000, 1e9), warm: measurement(10_000, 1e9), warmRuns: [], distBytes: 1 },
    postPage: { htmlBytes: 20_000, htmlGzipBytes: 6000, cssBytes: 8000, cssGzipBytes: 2500, jsBytes: 400, jsGzipBytes: 300, scripts: ['/_astro/ThemeToggle.js'] },
  });

  it('meets every target when the figures are inside them', () => {
    expect(judgeTargets(result(14_000, 1.1e9)).map((verdict) => verdict.met)).toEqual([true, true, true, true, true, true]);
  });

  it('reports the ratio and fails when the warm build is too slow or too big', () => {
    const [time, memory] = judgeTargets(result(16_000, 1.3e9));
    expect(time).toEqual({ target: 'warm build time ≤ 1.5× baseline', measured: '1.60×', met: false });
    expect(memory).toEqual({ target: 'warm peak memory ≤ 1.2× baseline', measured: '1.30×', met: false });
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
