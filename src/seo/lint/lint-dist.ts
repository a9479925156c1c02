// The SEO lint over a built site: used by the build integration (src/integrations/seo-lint.ts) and by
// `npm run lint:seo` (scripts/lint-seo.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SiteConfig } from '../../config/site-schema.ts';
import { urlPolicyOf } from '../urls.ts';
import { loadDist } from './load-dist.ts';
import { readPostSources } from './post-sources.ts';
import { reportJson, type LintReport } from './report.ts';
import { lintSite, type LintInput } from './run.ts';

export type LintSiteConfig = Pick<SiteConfig, 'url' | 'trailingSlash' | 'buildFormat' | 'language' | 'twitter' | 'lint'>;

export interface LintDistOptions {
  /** The built site. */
  distDir: string;
  /** Folder holding posts/, to name each post page's source file and read its frontmatter `lint:`. */
  contentDir: string;
  config: LintSiteConfig;
  /** Project root, for the paths shown in the report. */
  root?: string;
}

export function lintDist(options: LintDistOptions): LintReport {
  return lintDistWithInput(options).report;
}

/** The lint's report and the site as it loaded it, for the SEO report to build on without parsing dist/ again. */
export function lintDistWithInput(options: LintDistOptions): { report: LintReport; input: LintInput } {
  const started = performance.now();
  const { config } = options;
  const policy = urlPolicyOf(config);
  const input = loadDist(options.distDir, policy);
  const sources = readPostSources(options.contentDir, policy, options.root);
  const findings = lintSite(input, {
    policy,
    language: config.language,
    twitter: config.twitter !== undefined,
    thresholds: config.lint,
    levels: config.lint.rules,
    sources: sources.byUrl,
  });
  const files = [...(input.sitemap?.files ?? []), ...(input.robots ? ['robots.txt'] : []), ...input.feeds.map((feed) => feed.file), ...(input.llmsTxt ? [input.llmsTxt.file] : [])];
  const report: LintReport = {
    site: config.url,
    pages: input.pages.length,
    files,
    errors: findings.filter((finding) => finding.level === 'error').length,
    warnings: findings.filter((finding) => finding.level === 'warn').length,
    durationMs: performance.now() - started,
    findings,
    notes: sources.problems,
  };
  return { report, input };
}

/** Where the JSON report goes: `lint.reportFile`, relative to the folder that holds dist/. */
export function reportPath(distDir: string, config: LintSiteConfig): string {
  return resolve(dirname(resolve(distDir)), config.lint.reportFile);
}

export function writeReport(path: string, report: LintReport): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, reportJson(report));
}
