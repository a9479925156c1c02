// Pure parts of the build benchmark: reading stage times from build output, medians,
// judging the targets and writing the results table.

export interface StageTimes {
  /** Astro's page rendering ("generating static routes"). */
  renderMs?: number;
  ogImagesMs?: number;
  ogImagesRendered?: number;
  seoLintMs?: number;
  seoLintPages?: number;
  searchMs?: number;
  /** Writing the owner's SEO report (reports/index.html and a page per URL). */
  seoReportMs?: number;
}

function durationMs(value: string, unit: string): number {
  return unit === 's' ? Math.round(Number(value) * 1000) : Number(value);
}

/** Stage timings printed by the build: Astro's own log lines and the project's integrations. */
export function parseStageTimes(output: string): StageTimes {
  const times: StageTimes = {};
  const render = /generating static routes[^]*?✓ Completed in ([\d.]+)(ms|s)/.exec(output);
  if (render) times.renderMs = durationMs(render[1]!, render[2]!);
  const og = /og-images\] (\d+) cards: (\d+) rendered, \d+ from cache \((\d+) ms\)/.exec(output);
  if (og) {
    times.ogImagesRendered = Number(og[2]);
    times.ogImagesMs = Number(og[3]);
  }
  const lint = /\[(?:urban-haze:)?seo-lint\][^\n]*?(\d+) pages[^\n]*?in (\d+) ms/.exec(output);
  if (lint) {
    times.seoLintPages = Number(lint[1]);
    times.seoLintMs = Number(lint[2]);
  }
  const search = /\[urban-haze:search-index\] indexed \d+ posts? into \S+ in ([\d.]+)(ms|s)/.exec(output);
  if (search) times.searchMs = durationMs(search[1]!, search[2]!);
  // "SEO report: reports/index.html (1757 pages, no previous build to compare with; 412 ms)"
  const report = /SEO report: [^\n]*?; (\d+) ms\)/.exec(output);
  if (report) times.seoReportMs = Number(report[1]);
  return times;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

/**
 * The modules a built script imports before it runs (`import"./a.js"`, `…from"./b.js"`), as
 * paths relative to it; `import("./c.js")` loads later, on demand, and is not counted.
 */
export function staticImports(code: string): string[] {
  const found = [...code.matchAll(/(?:\bimport|\bfrom)\s*["'](\.{1,2}\/[^"']+)["']/g)].map((match) => match[1]!);
  return [...new Set(found)];
}

export interface BuildMeasurement {
  milliseconds: number;
  peakMemoryBytes: number;
  stages: StageTimes;
}

export interface PageWeight {
  htmlBytes: number;
  htmlGzipBytes: number;
  cssBytes: number;
  cssGzipBytes: number;
  jsBytes: number;
  jsGzipBytes: number;
  /** Script files a post page loads before any interaction. */
  scripts: string[];
}

/** The SEO report's files: what an owner's browser opens. */
export interface ReportWeight {
  indexBytes: number;
  /** The report's page per URL (reports/pages/*.html). */
  pages: number;
  pageMedianBytes: number;
  pageMaxBytes: number;
  /** Every file of the report (pages, stylesheet, script, image copies). */
  totalBytes: number;
}

/** The report's weight from the sizes of its files (paths relative to the report folder). */
export function reportWeightOf(files: ReadonlyMap<string, number>): ReportWeight | undefined {
  const indexBytes = files.get('index.html');
  if (indexBytes === undefined) return undefined;
  const pageSizes = [...files].filter(([path]) => /^pages\/[^/]+\.html$/.test(path)).map(([, size]) => size);
  return {
    indexBytes,
    pages: pageSizes.length,
    pageMedianBytes: pageSizes.length > 0 ? median(pageSizes) : 0,
    pageMaxBytes: Math.max(0, ...pageSizes),
    totalBytes: [...files.values()].reduce((sum, size) => sum + size, 0),
  };
}

export interface VariantResult {
  cold: BuildMeasurement;
  /** Medians over the warm runs. */
  warm: BuildMeasurement;
  warmRuns: BuildMeasurement[];
  distBytes: number;
}

export interface BenchResult {
  posts: number;
  pages: number;
  full: VariantResult;
  baseline?: VariantResult;
  postPage: PageWeight;
  /** The SEO report the warm build wrote; absent when it wrote none. */
  report?: ReportWeight;
}

export interface TargetVerdict {
  target: string;
  measured: string;
  met: boolean | undefined;
}

const TARGETS = {
  warmTimeRatio: 1.5,
  warmMemoryRatio: 1.2,
  ogMsPerImage: 30,
  lintPagesPerSecondPerCore: 1000,
  postPageGzipBytes: 30 * 1024,
  reportShareOfWarmBuild: 0.1,
};

const ratio = (a: number, b: number) => a / b;
const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

/** The issue's targets, each with the measured figure and whether it was met (undefined: not measured). */
export function judgeTargets(result: BenchResult): TargetVerdict[] {
  const { full, baseline, postPage } = result;
  const verdicts: TargetVerdict[] = [];
  if (baseline) {
    const time = ratio(full.warm.milliseconds, baseline.warm.milliseconds);
    const memory = ratio(full.warm.peakMemoryBytes, baseline.warm.peakMemoryBytes);
    verdicts.push(
      { target: `warm build time ≤ ${TARGETS.warmTimeRatio}× baseline`, measured: `${fixed(time)}×`, met: time <= TARGETS.warmTimeRatio },
      { target: `warm peak memory ≤ ${TARGETS.warmMemoryRatio}× baseline`, measured: `${fixed(memory)}×`, met: memory <= TARGETS.warmMemoryRatio },
    );
  }
  const { ogImagesMs, ogImagesRendered } = full.cold.stages;
  const perImage = ogImagesMs !== undefined && ogImagesRendered ? ogImagesMs / ogImagesRendered : Number.NaN;
  verdicts.push({ target: `cold OG image ≤ ${TARGETS.ogMsPerImage} ms each`, measured: `${fixed(perImage, 1)} ms`, met: Number.isNaN(perImage) ? undefined : perImage <= TARGETS.ogMsPerImage });
  const { seoLintMs, seoLintPages } = full.warm.stages;
  // The lint runs on one thread, so its rate is already per core.
  const lintRate = seoLintMs && seoLintPages ? seoLintPages / (seoLintMs / 1000) : Number.NaN;
  verdicts.push({
    target: `SEO lint ≥ ${TARGETS.lintPagesPerSecondPerCore} pages/s per core`,
    measured: Number.isNaN(lintRate) ? 'not measured' : `${Math.round(lintRate)} pages/s/core`,
    met: Number.isNaN(lintRate) ? undefined : lintRate >= TARGETS.lintPagesPerSecondPerCore,
  });
  const { seoReportMs } = full.warm.stages;
  const share = seoReportMs === undefined ? Number.NaN : seoReportMs / full.warm.milliseconds;
  verdicts.push({
    target: `SEO report adds < ${TARGETS.reportShareOfWarmBuild * 100}% to a warm build`,
    measured: Number.isNaN(share) ? 'not measured' : `${fixed(share * 100, 1)}% (${seoReportMs} ms of ${seconds(full.warm.milliseconds)})`,
    met: Number.isNaN(share) ? undefined : share < TARGETS.reportShareOfWarmBuild,
  });
  const gzip = postPage.htmlGzipBytes + postPage.cssGzipBytes;
  verdicts.push({ target: 'post page HTML+CSS < 30 KB gzip', measured: `${fixed(gzip / 1024, 1)} KB`, met: gzip < TARGETS.postPageGzipBytes });
  verdicts.push({
    target: 'post page JS before interaction: theme toggle only',
    measured: postPage.scripts.length === 0 ? 'none' : postPage.scripts.join(', '),
    met: postPage.scripts.every((script) => /ThemeToggle/i.test(script)),
  });
  return verdicts;
}

const seconds = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(2)} s`);
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function reportWeightLines(report: ReportWeight | undefined): string[] {
  if (!report) return [];
  return [
    '| SEO report (reports/) | size |',
    '|---|---|',
    `| index.html | ${kilobytes(report.indexBytes)} |`,
    `| page per URL (${report.pages.toLocaleString('en-GB')}): median | ${kilobytes(report.pageMedianBytes)} |`,
    `| page per URL: largest | ${kilobytes(report.pageMaxBytes)} |`,
    `| every file | ${megabytes(report.totalBytes)} |`,
    '',
  ];
}

/** A markdown report of one benchmark. */
export function formatMarkdown(results: readonly BenchResult[], cores: number, machine: string): string {
  const lines = [`# Build benchmark`, '', `Machine: ${machine}, ${cores} cores. Medians of the warm runs; cold = empty cache.`, ''];
  for (const result of results) {
    const { full, baseline } = result;
    lines.push(`## ${result.posts} posts (${result.pages} pages)`, '');
    lines.push('| build | cold | warm (median) | ms per post (warm) | peak memory (warm) | dist size |', '|---|---|---|---|---|---|');
    for (const [name, variant] of [['all SEO features', full], ['baseline (features off)', baseline]] as const) {
      if (!variant) continue;
      lines.push(
        `| ${name} | ${seconds(variant.cold.milliseconds)} | ${seconds(variant.warm.milliseconds)} | ${(variant.warm.milliseconds / result.posts).toFixed(1)} | ${megabytes(variant.warm.peakMemoryBytes)} | ${megabytes(variant.distBytes)} |`,
      );
    }
    lines.push('', '| stage (all features) | cold | warm |', '|---|---|---|');
    const stage = (label: string, pick: (times: StageTimes) => number | undefined) =>
      lines.push(`| ${label} | ${seconds(pick(full.cold.stages))} | ${seconds(pick(full.warm.stages))} |`);
    stage('Astro render', (times) => times.renderMs);
    stage('OG images', (times) => times.ogImagesMs);
    stage('SEO lint', (times) => times.seoLintMs);
    stage('Pagefind', (times) => times.searchMs);
    stage('SEO report', (times) => times.seoReportMs);
    const page = result.postPage;
    lines.push(
      '',
      '| post page | raw | gzip |',
      '|---|---|---|',
      `| HTML | ${kilobytes(page.htmlBytes)} | ${kilobytes(page.htmlGzipBytes)} |`,
      `| CSS | ${kilobytes(page.cssBytes)} | ${kilobytes(page.cssGzipBytes)} |`,
      `| JS | ${kilobytes(page.jsBytes)} | ${kilobytes(page.jsGzipBytes)} |`,
      '',
      ...reportWeightLines(result.report),
      '| target | measured | met |',
      '|---|---|---|',
      ...judgeTargets(result).map((verdict) => `| ${verdict.target} | ${verdict.measured} | ${verdict.met === undefined ? '–' : verdict.met ? 'yes' : '**no**'} |`),
      '',
    );
  }
  return lines.join('\n');
}
