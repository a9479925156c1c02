// npm run bench -- [--posts 1000] [--posts 4000] [--runs 3] [--no-baseline] [--keep]
//                  [--audit | --audit-only] [--audit-posts 100] [--audit-pages N]
// Builds synthetic sites with every SEO feature on and with them off (the baseline), cold and
// warm, and writes reports/bench/bench.{md,json}. With --audit, then measures the Lighthouse audit
// on a synthetic site (scripts/bench/audit-bench.ts); --audit-only measures only that.
// Never touches content/, dist/, .cache/ or reports/lighthouse/.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { PROJECT_ROOT, runAstroBuild } from './lib/astro-build.ts';
import { formatAuditMarkdown, judgeAuditTargets, type AuditBenchResult } from './bench/audit-bench-report.ts';
import { benchAudit } from './bench/audit-bench.ts';
import { formatMarkdown, judgeTargets, median, parseStageTimes, reportWeightOf, staticImports, type BenchResult, type BuildMeasurement, type PageWeight, type ReportWeight, type VariantResult } from './bench/bench-report.ts';
import { writeSyntheticPosts } from './bench/synthetic-posts.ts';
import { REPORT_INPUT_FILE } from '../src/integrations/seo-report.ts';

const BASELINE_FEATURES = { ogImages: false, structuredData: false, sitemap: false, seoLint: false, search: false };
/** Every build and audit of the benchmark sees the same clock, so unchanged content builds the same pages. */
const BENCH_ENV = { BUILD_DATE: '2026-12-02' };
const USAGE =
  'Usage: npm run bench -- --posts 1000 [--posts 4000] [--runs 3] [--no-baseline] [--keep]\n' +
  '                        [--audit | --audit-only] [--audit-posts 100] [--audit-pages N]';

function log(message: string): void {
  console.log(`[bench] ${message}`);
}

function directorySize(root: string): number {
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).reduce((sum, entry) => {
    const stats = statSync(join(root, entry));
    return stats.isFile() ? sum + stats.size : sum;
  }, 0);
}

function countPages(root: string): number {
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((entry) => entry.endsWith('.html')).length;
}

/** Bytes a reader downloads for a post page: its HTML, its stylesheets and the scripts it loads up front. */
function postPageWeight(dist: string, pagePath: string): PageWeight {
  const html = readFileSync(join(dist, pagePath));
  const text = html.toString('utf8');
  const assets = (pattern: RegExp) => [...text.matchAll(pattern)].map((match) => match[1]!).filter((href) => href.startsWith('/'));
  const styles = assets(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g);
  const scripts = assets(/<script[^>]+src="([^"]+)"/g);
  // A module script is weighed with the modules it imports before running.
  const loaded = new Set<string>();
  const load = (file: string): void => {
    if (loaded.has(file)) return;
    loaded.add(file);
    for (const imported of staticImports(readFileSync(join(dist, file), 'utf8'))) load(posix.join(posix.dirname(file), imported));
  };
  scripts.forEach(load);
  const weigh = (files: string[]) =>
    files.reduce(
      (sum, file) => {
        const data = readFileSync(join(dist, file));
        return { raw: sum.raw + data.length, gzip: sum.gzip + gzipSync(data).length };
      },
      { raw: 0, gzip: 0 },
    );
  const css = weigh(styles);
  const js = weigh([...loaded]);
  return { htmlBytes: html.length, htmlGzipBytes: gzipSync(html).length, cssBytes: css.raw, cssGzipBytes: css.gzip, jsBytes: js.raw, jsGzipBytes: js.gzip, scripts };
}

/** The SEO report a build wrote beside its output folder (reports/ next to dist-full/). */
function reportWeight(reportDir: string): ReportWeight | undefined {
  let entries: string[];
  try {
    entries = readdirSync(reportDir, { recursive: true, encoding: 'utf8' });
  } catch {
    return undefined;
  }
  const sizes = new Map<string, number>();
  for (const entry of entries) {
    // The lint's JSON report, the audit's folder and the report's stored input are not what an owner opens.
    if (entry === 'seo-lint.json' || entry === REPORT_INPUT_FILE || entry.startsWith('lighthouse')) continue;
    const stats = statSync(join(reportDir, entry));
    if (stats.isFile()) sizes.set(entry.split('\\').join('/'), stats.size);
  }
  return reportWeightOf(sizes);
}

async function measuredBuild(label: string, contentDir: string, outDir: string, cacheDir: string, env: Record<string, string>): Promise<BuildMeasurement> {
  const run = await runAstroBuild({ contentDir, outDir, cacheDir, env: { ...BENCH_ENV, ...env }, measureMemory: true });
  if (run.exitCode !== 0) {
    console.error(run.output);
    throw new Error(`The ${label} build failed (exit ${run.exitCode}); its output is above.`);
  }
  log(`${label}: ${(run.milliseconds / 1000).toFixed(2)} s, peak ${Math.round((run.peakMemoryBytes ?? 0) / 1024 / 1024)} MB`);
  return { milliseconds: run.milliseconds, peakMemoryBytes: run.peakMemoryBytes ?? 0, stages: parseStageTimes(run.output) };
}

async function benchVariant(name: string, posts: number, runs: number, workDir: string, contentDir: string, env: Record<string, string>): Promise<VariantResult> {
  const cacheDir = join(workDir, `cache-${name}`);
  const outDir = join(workDir, `dist-${name}`);
  rmSync(cacheDir, { recursive: true, force: true });
  const cold = await measuredBuild(`${posts} posts · ${name} · cold`, contentDir, outDir, cacheDir, env);
  const warmRuns: BuildMeasurement[] = [];
  for (let run = 1; run <= runs; run++) {
    warmRuns.push(await measuredBuild(`${posts} posts · ${name} · warm ${run}/${runs}`, contentDir, outDir, cacheDir, env));
  }
  const stageMedian = (pick: (measurement: BuildMeasurement) => number | undefined) => {
    const values = warmRuns.map(pick).filter((value): value is number => value !== undefined);
    return values.length > 0 ? median(values) : undefined;
  };
  const warmStages = Object.fromEntries(
    (['renderMs', 'ogImagesMs', 'ogImagesRendered', 'seoLintMs', 'seoLintPages', 'searchMs', 'seoReportMs'] as const).flatMap((key) => {
      const value = stageMedian((measurement) => measurement.stages[key]);
      return value === undefined ? [] : [[key, value]];
    }),
  );
  return {
    cold,
    warm: {
      milliseconds: median(warmRuns.map((run) => run.milliseconds)),
      peakMemoryBytes: median(warmRuns.map((run) => run.peakMemoryBytes)),
      stages: warmStages,
    },
    warmRuns,
    distBytes: directorySize(outDir),
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      posts: { type: 'string', multiple: true, default: ['1000'] },
      runs: { type: 'string', default: '3' },
      baseline: { type: 'boolean', default: true },
      'no-baseline': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      audit: { type: 'boolean', default: false },
      'audit-only': { type: 'boolean', default: false },
      'audit-posts': { type: 'string', default: '100' },
      'audit-pages': { type: 'string' },
      out: { type: 'string', default: join(PROJECT_ROOT, 'reports/bench') },
    },
  });
  const counts = values.posts.flatMap((value) => value.split(',')).map(Number);
  const runs = Number(values.runs);
  const auditOnly = values['audit-only'];
  const withAudit = values.audit || auditOnly;
  const auditPosts = Number(values['audit-posts']);
  const auditPages = values['audit-pages'] === undefined ? undefined : Number(values['audit-pages']);
  if (
    counts.some((count) => !Number.isInteger(count) || count < 2) ||
    !Number.isInteger(runs) ||
    runs < 1 ||
    !Number.isInteger(auditPosts) ||
    auditPosts < 2 ||
    (auditPages !== undefined && (!Number.isInteger(auditPages) || auditPages < 1))
  ) {
    console.error(USAGE);
    return 2;
  }
  const withBaseline = values.baseline && !values['no-baseline'];
  const cores = availableParallelism();
  const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.versions.node}`;
  const results: BenchResult[] = [];
  const started = performance.now();

  for (const posts of auditOnly ? [] : counts) {
    const workDir = mkdtempSync(join(tmpdir(), `urban-haze-bench-${posts}-`));
    try {
      const contentDir = join(workDir, 'content');
      writeSyntheticPosts(contentDir, posts);
      log(`${posts} synthetic posts written to ${contentDir}`);
      const full = await benchVariant('full', posts, runs, workDir, contentDir, {});
      const report = reportWeight(join(workDir, 'reports'));
      const baseline = withBaseline
        ? await benchVariant('baseline', posts, runs, workDir, contentDir, { SITE_CONFIG_OVERRIDES: JSON.stringify({ features: BASELINE_FEATURES }) })
        : undefined;
      const dist = join(workDir, 'dist-full');
      results.push({
        posts,
        pages: countPages(dist),
        full,
        ...(baseline ? { baseline } : {}),
        postPage: postPageWeight(dist, 'posts/synthetic-1/index.html'),
        ...(report ? { report } : {}),
      });
    } finally {
      if (values.keep) log(`kept ${workDir}`);
      else rmSync(workDir, { recursive: true, force: true });
    }
  }

  let audit: AuditBenchResult | undefined;
  if (withAudit) {
    const workDir = mkdtempSync(join(tmpdir(), `urban-haze-bench-audit-${auditPosts}-`));
    try {
      audit = await benchAudit({ posts: auditPosts, ...(auditPages ? { throughputPages: auditPages } : {}), workDir, env: BENCH_ENV, log });
    } finally {
      if (values.keep) log(`kept ${workDir}`);
      else rmSync(workDir, { recursive: true, force: true });
    }
  }

  const markdown = [formatMarkdown(results, cores, machine), ...(audit ? [formatAuditMarkdown(audit, cores)] : [])].join('\n');
  mkdirSync(values.out, { recursive: true });
  writeFileSync(join(values.out, 'bench.md'), `${markdown}\n`);
  writeFileSync(join(values.out, 'bench.json'), `${JSON.stringify({ machine, cores, date: new Date().toISOString(), results, ...(audit ? { audit } : {}) }, null, 2)}\n`);
  console.log(`\n${markdown}`);
  log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s; report in ${join(values.out, 'bench.md')}`);
  const missed = [...results.flatMap((result) => judgeTargets(result)), ...(audit ? judgeAuditTargets(audit) : [])].filter((verdict) => verdict.met === false);
  if (missed.length > 0) log(`${missed.length} target(s) missed: ${missed.map((verdict) => verdict.target).join('; ')}`);
  return 0;
}

process.exitCode = await main();
