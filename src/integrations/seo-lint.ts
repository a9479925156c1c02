import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { displayPath } from '../lib/files.ts';
import { lintDistWithInput, reportPath, writeReport } from '../seo/lint/lint-dist.ts';
import { formatFindings, summaryLine } from '../seo/lint/report.ts';
import { reportLine, writeSeoReport, type SeoReportConfig } from './seo-report.ts';

/** The built site breaks an SEO rule set to "error"; the report above the error says where and how to fix it. */
export class SeoLintError extends Error {
  override name = 'SeoLintError';
}

export interface SeoLintOptions {
  config: SeoReportConfig;
  /** Folder holding posts/ (CONTENT_DIR), relative to the project root or absolute. */
  contentDir: string;
}

/**
 * Runs the SEO lint over dist/ when `astro build` has written it (after the sitemap, so it can be
 * checked too): prints the report and a summary, writes the JSON report, and fails the build on errors.
 */
export function seoLint(options: SeoLintOptions): AstroIntegration {
  let root = process.cwd();
  let cacheDir = resolve('node_modules/.astro');
  return {
    name: 'urban-haze:seo-lint',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        // Sources are shown relative to where the command runs, like every other message of the build.
        const { report, input } = lintDistWithInput({ distDir, contentDir: resolve(root, options.contentDir), config: options.config, root: process.cwd() });
        const jsonPath = reportPath(distDir, options.config);
        writeReport(jsonPath, report);
        const shownPath = displayPath(jsonPath);
        if (report.findings.length > 0 || report.notes.length > 0) {
          const body = formatFindings(report).trimEnd();
          if (report.errors > 0) logger.error(`\n${body}`);
          else logger.warn(`\n${body}`);
        }
        const summary = summaryLine(report);
        logger.info(`${summary} JSON report: ${shownPath}`);
        // The owner's report, beside the JSON one; this build's facts are kept only when the build goes on.
        const written = writeSeoReport({
          reportDir: dirname(jsonPath),
          distDir,
          // During npm run build the lint reads dist.staging/; the audit's history names the folder it becomes.
          historyTarget: displayPath(distDir.replace(/[\\/]+$/, '').replace(/\.staging$/, '')),
          cacheDir,
          loaded: input,
          findings: report.findings,
          config: options.config,
          keepFacts: report.errors === 0,
        });
        logger.info(reportLine(written));
        if (report.errors > 0) {
          throw new SeoLintError(
            `${summary} Fix the errors listed above (each names the page, the rule and the fix), ` +
              'or change a rule’s level in lint.rules of src/site.config.ts or in a post’s frontmatter (lint:).',
          );
        }
      },
    },
  };
}
