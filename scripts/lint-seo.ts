// npm run lint:seo [-- --dist dist --content content --json reports/seo-lint.json --quiet]
// Runs the SEO lint over an existing build, as `npm run build` does at its end. Exit code 1 on errors.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readProjectPaths } from '../src/config/build-env.ts';
import { lintDist, reportPath, writeReport } from '../src/seo/lint/lint-dist.ts';
import { formatReport, summaryLine } from '../src/seo/lint/report.ts';
import { siteConfig } from '../src/site.config.ts';

const USAGE = `Usage: npm run lint:seo -- [options]
  --dist <folder>     the built site (default: dist)
  --content <folder>  the folder holding posts/ (default: CONTENT_DIR or content)
  --json <file>       where to write the JSON report (default: lint.reportFile next to dist/)
  --quiet             print only the summary line
  --help              show this help`;

function main(): number {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        dist: { type: 'string', default: 'dist' },
        content: { type: 'string' },
        json: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const distDir = resolve(values.dist);
  let report;
  try {
    report = lintDist({ distDir, contentDir: resolve(values.content ?? readProjectPaths(process.env).contentDir), config: siteConfig });
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const jsonPath = values.json ? resolve(values.json) : reportPath(distDir, siteConfig);
  writeReport(jsonPath, report);
  console.log(values.quiet ? summaryLine(report) : formatReport(report));
  console.log(`JSON report: ${jsonPath}`);
  return report.errors > 0 ? 1 : 0;
}

process.exitCode = main();
