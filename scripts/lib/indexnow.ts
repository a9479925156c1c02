// The I/O of `npm run indexnow`: reading sitemaps from dist/, an old build or the live site, and sending
// the submissions. The decisions (what changed, what a response means) are in src/seo/indexnow.ts.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseSitemap } from '../../src/seo/lint/site-files.ts';
import { interpretResponse, type IndexNowPayload, type SitemapEntries } from '../../src/seo/indexnow.ts';

/** Gets a sitemap's text, or undefined when there is none at that place (a missing file, a 404). */
type LoadText = (location: string) => Promise<string | undefined>;

/** The sitemap names a site may use, tried in this order (Astro's index first). */
const SITEMAP_NAMES = ['sitemap-index.xml', 'sitemap.xml'];

async function readTree(start: string, load: LoadText, childOf: (loc: string, parent: string) => string): Promise<SitemapEntries | undefined> {
  const first = await load(start);
  if (first === undefined) return undefined;
  const entries = new Map<string, string | undefined>();
  const seen = new Set<string>();
  const queue: [string, string][] = [[start, first]];
  while (queue.length > 0) {
    const [location, text] = queue.shift()!;
    if (seen.has(location)) continue;
    seen.add(location);
    const sitemap = parseSitemap(text);
    if (sitemap.problems.length > 0) throw new Error(`The sitemap ${location} cannot be read: ${sitemap.problems.join('; ')}.`);
    if (sitemap.kind === 'index') {
      for (const loc of sitemap.locs) {
        const child = childOf(loc, location);
        if (seen.has(child)) continue;
        const childText = await load(child);
        if (childText === undefined) throw new Error(`The sitemap index ${location} names ${loc}, which is not there (${child}).`);
        queue.push([child, childText]);
      }
    } else {
      for (const loc of sitemap.locs) entries.set(loc, sitemap.lastmods[loc]);
    }
  }
  return entries;
}

/**
 * The URLs of a sitemap on disk: a sitemap file, or a built site's folder (its sitemap-index.xml or
 * sitemap.xml). Child sitemaps are read from beside the index. Undefined when the folder has none.
 */
export async function readLocalSitemaps(path: string): Promise<SitemapEntries | undefined> {
  if (!existsSync(path)) throw new Error(`There is no ${path}; give a sitemap file, a built site's folder or the live site's URL.`);
  const start = statSync(path).isDirectory() ? SITEMAP_NAMES.map((name) => join(path, name)).find((file) => existsSync(file)) : path;
  if (start === undefined) return undefined;
  const load: LoadText = async (file) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);
  return readTree(start, load, (loc, parent) => join(dirname(parent), basename(URL.canParse(loc) ? new URL(loc).pathname : loc)));
}

/**
 * The URLs of the live site's sitemaps: `url` is the sitemap itself when it ends in .xml, else the
 * site, whose sitemap-index.xml (then sitemap.xml) is read. Undefined when the site has none yet
 * (the first deploy); any other failure is an Error saying what happened.
 */
export async function readLiveSitemaps(url: string, fetchImpl: typeof fetch = fetch): Promise<SitemapEntries | undefined> {
  const load: LoadText = async (location) => {
    let response: Response;
    try {
      response = await fetchImpl(location, { headers: { accept: 'application/xml, text/xml' }, redirect: 'follow' });
    } catch (error) {
      throw new Error(`Could not fetch the live sitemap ${location}: ${causeOf(error)}.`);
    }
    if (response.status === 404 || response.status === 410) return undefined;
    if (!response.ok) throw new Error(`The live sitemap ${location} answered ${response.status}; try again once the site answers.`);
    return response.text();
  };
  const starts = /\.xml$/i.test(new URL(url).pathname) ? [url] : SITEMAP_NAMES.map((name) => new URL(name, url.endsWith('/') ? url : `${url}/`).href);
  for (const start of starts) {
    const entries = await readTree(start, load, (loc) => loc);
    if (entries) return entries;
  }
  return undefined;
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

export interface SubmitOptions {
  endpoint: string;
  site: string;
  payloads: readonly IndexNowPayload[];
  /** Pause between two requests, so the engines do not see a burst. */
  pauseMs: number;
  /** Tries of one request when the endpoint answers 429. */
  maxAttempts: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface SubmitResult {
  /** URLs in requests the endpoint accepted. */
  submitted: number;
  requests: number;
  /** Why it stopped early; undefined when every batch was accepted. */
  failure: string | undefined;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sends each batch in turn, pausing between them and waiting out a 429; stops at the first failure. */
export async function submitBatches(options: SubmitOptions): Promise<SubmitResult> {
  const { fetch: fetchImpl = fetch, sleep = realSleep, now = () => new Date(), log = () => {} } = options;
  let submitted = 0;
  let requests = 0;
  for (const [index, payload] of options.payloads.entries()) {
    if (index > 0 && options.pauseMs > 0) await sleep(options.pauseMs);
    const label = `batch ${index + 1}/${options.payloads.length} (${payload.urlList.length} URLs)`;
    for (let attempt = 1; ; attempt += 1) {
      let response: Response;
      try {
        requests += 1;
        response = await fetchImpl(options.endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify(payload),
        });
      } catch (error) {
        return { submitted, requests, failure: `Could not reach the IndexNow endpoint ${options.endpoint}: ${causeOf(error)}. Check the network (or INDEXNOW_ENDPOINT) and submit again.` };
      }
      const body = response.ok ? '' : await response.text().catch(() => '');
      const outcome = interpretResponse(
        { status: response.status, retryAfter: response.headers.get('retry-after'), body },
        { keyLocation: payload.keyLocation, site: options.site, attempt, maxAttempts: options.maxAttempts, now: now() },
      );
      if (outcome.kind === 'fail') return { submitted, requests, failure: `${label}: ${outcome.message}` };
      if (outcome.kind === 'ok') {
        submitted += payload.urlList.length;
        log(`IndexNow: ${label} ${outcome.note} (${response.status})`);
        break;
      }
      log(`IndexNow: ${label}: ${outcome.note}`);
      await sleep(outcome.waitMs);
    }
  }
  return { submitted, requests, failure: undefined };
}
