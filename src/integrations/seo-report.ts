// Writes the owner's SEO report (src/seo/report/render-report.ts) beside the lint's JSON report, from what
// the lint already loaded of the build: reads the previous build's facts from the cache folder and the
// Lighthouse history, copies the pages' social images (the report opens with no network), writes the
// files, and only then keeps this build's facts for the next build to compare with.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SiteConfig } from '../config/site-schema.ts';
import { displayPath } from '../lib/files.ts';
import type { LintSiteConfig } from '../seo/lint/lint-dist.ts';
import type { LintInput } from '../seo/lint/run.ts';
import type { Finding } from '../seo/lint/types.ts';
import { imagesToCopy, renderReport, REPORT_INDEX_FILE } from '../seo/report/render-report.ts';
import { budgetOf, METRICS, seriesOf, type Budget, type MetricKey, type ScoreHistory } from '../seo/report/score-history.ts';
import { siteFactsOf } from '../seo/report/seo-facts.ts';
import { urlPolicyOf } from '../seo/urls.ts';
import { readPreviousSeoFacts, writeSeoFacts } from './seo-facts-store.ts';

export type SeoReportConfig = LintSiteConfig & Pick<SiteConfig, 'title' | 'audit'>;

export interface SeoReportOptions {
  /** The folder the report goes in (the one holding the lint's JSON report: reports/). */
  reportDir: string;
  /** The built site the lint read (dist.staging/ during a build), to copy images from. */
  distDir: string;
  /** Where the history names the audited site ("dist"): the folder the build publishes to. */
  historyTarget: string;
  /** Astro's cache folder, holding the previous build's facts. */
  cacheDir: string;
  loaded: LintInput;
  findings: readonly Finding[];
  config: SeoReportConfig;
  /** Keep this build's facts as the previous build's for the next one (not when the build fails). */
  keepFacts: boolean;
  now?: Date;
}

export interface WrittenReport {
  indexPath: string;
  pages: number;
  risks: number;
  changes: number;
  /** Whether there was a previous build to compare with. */
  hadPrevious: boolean;
  durationMs: number;
}

/** The Lighthouse history file beside the report: reports/lighthouse/history.jsonl. */
export const historyPath = (reportDir: string) => join(reportDir, 'lighthouse/history.jsonl');

function readHistory(options: SeoReportOptions, pagePaths: ReadonlySet<string>): ScoreHistory | undefined {
  const file = historyPath(options.reportDir);
  if (!existsSync(file)) return undefined;
  return seriesOf(readFileSync(file, 'utf8'), { target: options.historyTarget, preset: options.config.audit.preset, pages: pagePaths, file: displayPath(file) });
}

export function writeSeoReport(options: SeoReportOptions): WrittenReport {
  const started = performance.now();
  const { config, reportDir } = options;
  const current = siteFactsOf(options.loaded);
  const previous = readPreviousSeoFacts(options.cacheDir);
  const history = readHistory(options, new Set(current.pages.map((page) => new URL(page.url).pathname)));
  const budgets: Partial<Record<MetricKey, Budget>> = {};
  for (const metric of METRICS) {
    const budget = budgetOf(metric.key, config.audit);
    if (budget) budgets[metric.key] = budget;
  }
  const images = imagesToCopy(options.loaded, urlPolicyOf(config));
  const rendered = renderReport({
    site: { title: config.title, url: config.url, titleMaxPixels: config.lint.titleMaxPixels },
    generatedAt: (options.now ?? new Date()).toISOString(),
    loaded: options.loaded,
    current,
    previous,
    findings: options.findings,
    history,
    budgets,
    images,
  });
  try {
    // A page removed from the site must not keep its old report page.
    for (const folder of ['pages', 'images']) rmSync(join(reportDir, folder), { recursive: true, force: true });
    for (const file of rendered.files) {
      const path = join(reportDir, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.text);
    }
    for (const image of images.values()) {
      const path = join(reportDir, image.href);
      mkdirSync(dirname(path), { recursive: true });
      copyFileSync(join(options.distDir, image.file), path);
    }
  } catch (error) {
    throw new Error(`Could not write the SEO report in ${displayPath(reportDir)}: ${(error as Error).message}. Make that folder writable, or set lint.reportFile in src/site.config.ts to a folder that is.`, {
      cause: error,
    });
  }
  if (options.keepFacts) writeSeoFacts(options.cacheDir, current);
  return {
    indexPath: join(reportDir, REPORT_INDEX_FILE),
    pages: current.pages.length,
    risks: rendered.risks,
    changes: rendered.changes.length,
    hadPrevious: previous !== undefined,
    durationMs: performance.now() - started,
  };
}

/** The build's last line: where the report is and what it flags. */
export function reportLine(written: WrittenReport): string {
  const risks = written.risks === 1 ? '1 risky change' : `${written.risks} risky changes`;
  const changed = written.hadPrevious ? `${risks} since the last build` : 'no previous build to compare with';
  return `SEO report: ${displayPath(written.indexPath)} (${written.pages} pages, ${changed}; ${Math.round(written.durationMs)} ms)`;
}
