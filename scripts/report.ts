// npm run report [-- --port 4330 | --no-serve]: where the SEO report of the last build is, and serves it
// on 127.0.0.1 until Ctrl-C. The report is written by the build (src/integrations/seo-report.ts).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { displayPath } from '../src/lib/files.ts';
import { reportPath } from '../src/seo/lint/lint-dist.ts';
import { REPORT_INDEX_FILE } from '../src/seo/report/render-report.ts';
import { siteConfig } from '../src/site.config.ts';
import { serveReport } from './lib/report-server.ts';

const USAGE = `Usage: npm run report -- [options]
Prints where the SEO report of the last build is and serves it at http://127.0.0.1:<port>/ until Ctrl-C.
It also opens straight from disk (no network needed).
  --port <n>    the port to serve on (default: 4330; 0 picks a free one)
  --no-serve    only print where the report is
  --help        show this help`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { port: { type: 'string', default: '4330' }, 'no-serve': { type: 'boolean', default: false }, help: { type: 'boolean', default: false } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port ${values.port} is not a port number (0–65535).\n\n${USAGE}`);
    return 2;
  }
  const folder = dirname(reportPath(resolve('dist'), siteConfig));
  const index = join(folder, REPORT_INDEX_FILE);
  if (!existsSync(index)) {
    console.error(`No SEO report at ${displayPath(index)} yet: run npm run build (the report is written at the end of its SEO lint).`);
    return 1;
  }
  console.log(`SEO report: ${displayPath(index)} (${pathToFileURL(index).href})`);
  if (values['no-serve']) return 0;
  try {
    const { url } = await serveReport(folder, port);
    console.log(`Serving ${displayPath(folder)} at ${url} (Ctrl-C to stop).`);
  } catch (error) {
    console.error(`Could not serve the report on port ${port}: ${(error as Error).message}. Pick another with --port, or open the file above.`);
    return 1;
  }
  return new Promise(() => {});
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('npm run report crashed:', error);
    process.exit(1);
  },
);
