// npm run indexnow [-- --previous <URL|file|folder>] [--save-plan plan.json | --plan plan.json] [--submit]
// Tells search engines (IndexNow) which URLs changed since the last deploy, from the sitemaps' <lastmod>.
// A dry run unless --submit. In CI the live sitemap is read before the deploy replaces it (--save-plan)
// and the plan is submitted after it (--plan … --submit): README "Tell search engines what changed".
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readLiveSitemaps, readLocalSitemaps, submitBatches } from './lib/indexnow.ts';
import {
  batches,
  DEFAULT_INDEXNOW_ENDPOINT,
  diffSitemaps,
  isOnSite,
  keyFileRoute,
  MAX_URLS_PER_REQUEST,
  parsePlan,
  planOf,
  submissionPayload,
  type IndexNowPlan,
} from '../src/seo/indexnow.ts';
import { absoluteUrl, urlPolicyOf } from '../src/seo/urls.ts';

const USAGE = `Usage: npm run indexnow -- [options]
  --dist <folder>        the new build, whose sitemap lists what is deployed (default: dist)
  --previous <source>    the last deploy's sitemap: the live site's URL (read before deploying), a
                         sitemap file, or an old build's folder; without it every URL counts as new
  --save-plan <file>     work out the URLs to submit, write them to <file> and stop (before a deploy)
  --plan <file>          submit the URLs of a plan saved with --save-plan (after the deploy)
  --submit               send the URLs; without it, print what would be sent (a dry run)
  --optional             with --submit and no key set, say so and succeed (a CI step for sites with or without IndexNow)
  --batch-size <n>       URLs per request, 1–${MAX_URLS_PER_REQUEST} (default ${MAX_URLS_PER_REQUEST})
  --pause <ms>           pause between requests (default 1000)
  --help                 show this help
The key is INDEXNOW_KEY or indexNow.key in src/site.config.ts; INDEXNOW_ENDPOINT replaces ${DEFAULT_INDEXNOW_ENDPOINT}.`;

/** Tries of one request that the endpoint answers 429. */
const MAX_ATTEMPTS = 3;

class UsageError extends Error {}

function positiveInteger(value: string, flag: string, max = Number.MAX_SAFE_INTEGER, min = 1): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) throw new UsageError(`${flag} takes a whole number from ${min} to ${max}, not "${value}".`);
  return number;
}

async function loadSiteConfig() {
  try {
    return (await import('../src/site.config.ts')).siteConfig;
  } catch (error) {
    // A ConfigError names the field and the fix; its stack is noise.
    throw new UsageError((error as Error).message);
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      previous: { type: 'string' },
      'save-plan': { type: 'string' },
      plan: { type: 'string' },
      submit: { type: 'boolean', default: false },
      optional: { type: 'boolean', default: false },
      'batch-size': { type: 'string', default: String(MAX_URLS_PER_REQUEST) },
      pause: { type: 'string', default: '1000' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.plan && (values.previous || values['save-plan'])) throw new UsageError('--plan submits a saved plan; it takes no --previous or --save-plan.');
  if (values['save-plan'] && values.submit) throw new UsageError('--save-plan only saves the URLs; submit them after the deploy with --plan <file> --submit.');
  const batchSize = positiveInteger(values['batch-size'], '--batch-size', MAX_URLS_PER_REQUEST);
  const pauseMs = positiveInteger(values.pause, '--pause', 600_000, 0);
  const endpoint = process.env['INDEXNOW_ENDPOINT'] || DEFAULT_INDEXNOW_ENDPOINT;
  if (!/^https?:\/\//.test(endpoint) || !URL.canParse(endpoint)) throw new UsageError(`INDEXNOW_ENDPOINT "${endpoint}" is not an http(s) URL.`);

  const siteConfig = await loadSiteConfig();
  const site = siteConfig.url;
  const key = siteConfig.indexNow.key;

  let plan: IndexNowPlan;
  if (values.plan) {
    const file = resolve(values.plan);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new UsageError(`There is no plan at ${file}; make one before the deploy with --save-plan.`);
    }
    plan = parsePlan(text, file);
    if (plan.site !== site) throw new UsageError(`The plan ${file} is for ${plan.site}, but this site is ${site}; submit with the SITE_URL the build used.`);
    console.log(`IndexNow: plan ${values.plan}: ${summary(plan)}`);
  } else {
    const dist = resolve(values.dist);
    const next = await readLocalSitemaps(dist);
    if (!next) throw new UsageError(`${dist} has no sitemap (sitemap-index.xml or sitemap.xml); build the site first, with features.sitemap on.`);
    let previous;
    let comparedWith = 'nothing: every URL counts as new';
    if (values.previous) {
      const source = values.previous;
      previous = /^https?:\/\//.test(source) ? await readLiveSitemaps(source) : await readLocalSitemaps(resolve(source));
      if (previous) comparedWith = source;
      else console.log(`IndexNow: ${source} has no sitemap yet (a first deploy?), so every URL counts as new.`);
    }
    const diff = diffSitemaps(previous, next);
    const elsewhere = diff.urls.filter((url) => !isOnSite(url, site));
    for (const url of elsewhere) console.log(`IndexNow: left out ${url}, which is not on ${site} (IndexNow would refuse it)`);
    plan = planOf(site, comparedWith, { ...diff, urls: diff.urls.filter((url) => isOnSite(url, site)) });
    console.log(`IndexNow: ${summary(plan)}`);
    if (values['save-plan']) {
      const file = resolve(values['save-plan']);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(plan, null, 2)}\n`);
      console.log(`IndexNow: plan saved to ${values['save-plan']} (${count(plan.urls.length)}); after the deploy: npm run indexnow -- --plan ${values['save-plan']} --submit`);
      return 0;
    }
  }

  if (plan.urls.length === 0) {
    console.log('IndexNow: nothing changed, so nothing to submit.');
    return 0;
  }
  if (!key) {
    const advice = 'set INDEXNOW_KEY (or indexNow.key in src/site.config.ts), build and deploy, so that the key file is served';
    if (!values.submit) {
      printDryRun(plan.urls, batchSize, endpoint);
      console.log(`IndexNow: no key is set; to submit, ${advice}.`);
      return 0;
    }
    if (values.optional) {
      console.log('IndexNow: no key is set (INDEXNOW_KEY or indexNow.key), so nothing was sent.');
      return 0;
    }
    throw new UsageError(`a key is needed to submit: ${advice}.`);
  }
  const keyLocation = absoluteUrl(keyFileRoute(key), urlPolicyOf(siteConfig));
  if (!values.submit) {
    printDryRun(plan.urls, batchSize, endpoint);
    console.log(`IndexNow: dry run; nothing was sent. Add --submit to send (key file: ${keyLocation}).`);
    return 0;
  }
  const payloads = batches(plan.urls, batchSize).map((urls) => submissionPayload({ site, key, keyLocation, urls }));
  console.log(`IndexNow: submitting ${count(plan.urls.length)} to ${endpoint} in ${payloads.length} request${payloads.length === 1 ? '' : 's'}`);
  const result = await submitBatches({ endpoint, site, payloads, pauseMs, maxAttempts: MAX_ATTEMPTS, log: (line) => console.log(line) });
  if (result.failure) {
    console.error(`IndexNow: ${result.failure}`);
    console.error(`IndexNow: ${count(result.submitted)} of ${plan.urls.length} submitted before it stopped.`);
    return 1;
  }
  console.log(`IndexNow: submitted ${count(result.submitted)} in ${result.requests} request${result.requests === 1 ? '' : 's'}.`);
  return 0;
}

const count = (n: number) => `${n} URL${n === 1 ? '' : 's'}`;

function summary(plan: IndexNowPlan): string {
  return `${count(plan.urls.length)} to submit (${plan.added} added, ${plan.changed} changed, ${plan.removed} removed, ${plan.unchanged} unchanged) compared with ${plan.comparedWith}`;
}

function printDryRun(urls: readonly string[], batchSize: number, endpoint: string): void {
  const runs = batches(urls, batchSize);
  for (const [index, run] of runs.entries()) {
    console.log(`IndexNow: would send batch ${index + 1}/${runs.length} (${count(run.length)}) to ${endpoint}:`);
    for (const url of run) console.log(`  ${url}`);
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    console.error(`IndexNow: ${(error as Error).message}${usage && !(error instanceof UsageError) ? `\n\n${USAGE}` : ''}`);
    process.exitCode = usage ? 2 : 1;
  },
);
