// Writes the owner's SEO report (src/seo/report/render-report.ts) beside the lint's JSON report, from what
// the lint already loaded of the build: reads the previous build's facts from the cache folder and the
// Lighthouse history, copies the pages' social images (the report opens with no network), writes the
// files, and only then keeps this build's facts for the next build to compare with. The audit, which
// runs later, redraws the report's scores from what the build stored beside it (refreshSeoReport).
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SiteConfig } from '../config/site-schema.ts';
import { displayPath } from '../lib/files.ts';
import type { LintSiteConfig } from '../seo/lint/lint-dist.ts';
import type { LintInput } from '../seo/lint/run.ts';
import type { Finding, PageFacts } from '../seo/lint/types.ts';
import { imagesToCopy, renderReport, REPORT_INDEX_FILE, type ReportImage, type ReportInput } from '../seo/report/render-report.ts';
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

/**
 * What the report was drawn from besides the Lighthouse history, kept beside it (not published, not
 * opened by the report) so that the audit, which runs after the build's lint, can redraw the report's
 * scores from the history it has just appended to, with the same pages, findings and SEO diff.
 */
export const REPORT_INPUT_FILE = 'report-input.json';
/** Raised when the stored shape changes: an older file is then not redrawn. */
const REPORT_INPUT_VERSION = 1;

/** The page facts the report reads; a stored page gets empty lists for the rest (links a reader follows, ids…). */
const STORED_PAGE_KEYS = ['file', 'url', 'lang', 'template', 'titles', 'links', 'headings', 'jsonLd', 'times', 'robots'] as const;
type StoredPage = Pick<PageFacts, (typeof STORED_PAGE_KEYS)[number]> & { metas: [string, string[]][] };

interface StoredReportInput {
  version: typeof REPORT_INPUT_VERSION;
  /** How the history names the audited site, and the preset whose runs the charts show. */
  historyTarget: string;
  preset: string;
  input: Omit<ReportInput, 'history' | 'pages' | 'images'> & { pages: StoredPage[]; images: [string, ReportImage][] };
}

function storedInput(input: Omit<ReportInput, 'history'>, historyTarget: string, preset: string): StoredReportInput {
  const pages = input.pages.map((page) => ({ ...Object.fromEntries(STORED_PAGE_KEYS.map((key) => [key, page[key]])), metas: [...page.metas] }) as StoredPage);
  return { version: REPORT_INPUT_VERSION, historyTarget, preset, input: { ...input, pages, images: [...input.images] } };
}

function revivedInput(stored: StoredReportInput): Omit<ReportInput, 'history'> {
  const pages = stored.input.pages.map((page): PageFacts => ({ anchors: [], images: [], resources: [], ids: new Set(), insecureUrls: [], ...page, metas: new Map(page.metas) }));
  return { ...stored.input, pages, images: new Map(stored.input.images) };
}

/** The stored input of the report in reportDir, or undefined when there is none or another version wrote it. */
function readStoredInput(reportDir: string): StoredReportInput | undefined {
  try {
    const stored = JSON.parse(readFileSync(join(reportDir, REPORT_INPUT_FILE), 'utf8')) as StoredReportInput;
    return stored.version === REPORT_INPUT_VERSION ? stored : undefined;
  } catch {
    return undefined;
  }
}

function readHistory(reportDir: string, stored: StoredReportInput): ScoreHistory | undefined {
  const file = historyPath(reportDir);
  if (!existsSync(file)) return undefined;
  const pages = new Set(stored.input.current.pages.map((page) => new URL(page.url).pathname));
  return seriesOf(readFileSync(file, 'utf8'), { target: stored.historyTarget, preset: stored.preset, pages, file: displayPath(file) });
}

function sameBytes(a: string, b: string): boolean {
  try {
    return statSync(a).size === statSync(b).size && readFileSync(a).equals(readFileSync(b));
  } catch {
    return false;
  }
}

/** Removes the files of reportDir/folder that are not among `kept` (paths relative to reportDir). */
function removeStale(reportDir: string, folder: string, kept: ReadonlySet<string>): void {
  let entries: string[];
  try {
    entries = readdirSync(join(reportDir, folder), { recursive: true, encoding: 'utf8' });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(reportDir, folder, entry);
    if (!kept.has(`${folder}/${entry.split(sep).join('/')}`) && statSync(path).isFile()) rmSync(path);
  }
}

/** What only the build writes besides the pages: the image copies and the stored input. A redraw keeps both as they are. */
interface BuildFiles {
  /** The built site, to copy images from. */
  distDir: string;
  images: ReadonlyMap<string, { file: string } & ReportImage>;
}

/** Draws the report from its input and the history as it is now, and writes its files. */
function drawReport(reportDir: string, stored: StoredReportInput, input: Omit<ReportInput, 'history'>, build: BuildFiles | undefined) {
  const rendered = renderReport({ ...input, history: readHistory(reportDir, stored) });
  try {
    // Written over the last report's files, then only those it no longer has are removed: a warm build
    // rewrites the pages but copies only the images that changed.
    const kept = new Set<string>();
    for (const file of build ? [...rendered.files, { path: REPORT_INPUT_FILE, text: JSON.stringify(stored) }] : rendered.files) {
      const path = join(reportDir, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.text);
      kept.add(file.path);
    }
    for (const image of build?.images.values() ?? []) {
      const path = join(reportDir, image.href);
      const from = join(build!.distDir, image.file);
      if (!sameBytes(from, path)) {
        mkdirSync(dirname(path), { recursive: true });
        copyFileSync(from, path);
      }
      kept.add(image.href);
    }
    // A page removed from the site must not keep its old report page (nor its image, on a build).
    for (const folder of build ? ['pages', 'images'] : ['pages']) removeStale(reportDir, folder, kept);
  } catch (error) {
    throw new Error(`Could not write the SEO report in ${displayPath(reportDir)}: ${(error as Error).message}. Make that folder writable, or set lint.reportFile in src/site.config.ts to a folder that is.`, {
      cause: error,
    });
  }
  return rendered;
}

export function writeSeoReport(options: SeoReportOptions): WrittenReport {
  const started = performance.now();
  const { config, reportDir } = options;
  const current = siteFactsOf(options.loaded);
  const previous = readPreviousSeoFacts(options.cacheDir);
  const budgets: Partial<Record<MetricKey, Budget>> = {};
  for (const metric of METRICS) {
    const budget = budgetOf(metric.key, config.audit);
    if (budget) budgets[metric.key] = budget;
  }
  const images = imagesToCopy(options.loaded, urlPolicyOf(config));
  const input: Omit<ReportInput, 'history'> = {
    site: { title: config.title, url: config.url, titleMaxPixels: config.lint.titleMaxPixels },
    generatedAt: (options.now ?? new Date()).toISOString(),
    pages: options.loaded.pages,
    current,
    previous,
    findings: options.findings,
    budgets,
    images,
  };
  const rendered = drawReport(reportDir, storedInput(input, options.historyTarget, config.audit.preset), input, { distDir: options.distDir, images });
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

/**
 * Redraws the report in reportDir with the Lighthouse history as it is now (the audit calls this once it
 * has appended its run), from what the build stored beside it: the same pages, findings and changes, and
 * the image copies left as they are. Undefined when there is no report to redraw (no build yet, or one
 * written by another version).
 */
export function refreshSeoReport(reportDir: string): WrittenReport | undefined {
  const started = performance.now();
  const stored = readStoredInput(reportDir);
  if (!stored) return undefined;
  const rendered = drawReport(reportDir, stored, revivedInput(stored), undefined);
  return {
    indexPath: join(reportDir, REPORT_INDEX_FILE),
    pages: stored.input.current.pages.length,
    risks: rendered.risks,
    changes: rendered.changes.length,
    hadPrevious: stored.input.previous !== undefined,
    durationMs: performance.now() - started,
  };
}

/** The build's last line: where the report is and what it flags. */
export function reportLine(written: WrittenReport): string {
  const risks = written.risks === 1 ? '1 risky change' : `${written.risks} risky changes`;
  const changed = written.hadPrevious ? `${risks} since the last build` : 'no previous build to compare with';
  return `SEO report: ${displayPath(written.indexPath)} (${written.pages} pages, ${changed}; ${Math.round(written.durationMs)} ms)`;
}
