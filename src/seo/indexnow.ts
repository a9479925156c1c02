// IndexNow (https://www.indexnow.org/documentation): after a deploy, tell search engines which URLs
// changed. Pure: sitemaps, keys and responses in, decisions out; scripts/indexnow.ts does the I/O.
import type { RoutePath } from './urls.ts';

/** The shared endpoint: one submission reaches every participating search engine. */
export const DEFAULT_INDEXNOW_ENDPOINT = 'https://api.indexnow.org/indexnow';

/** The protocol's limit of URLs in one POST. */
export const MAX_URLS_PER_REQUEST = 10_000;

const KEY_PATTERN = /^[A-Za-z0-9-]{8,128}$/;

/** What is wrong with a key, or undefined for a good one: 8–128 letters, digits or dashes. */
export function indexNowKeyProblem(key: string): string | undefined {
  if (KEY_PATTERN.test(key)) return undefined;
  const length = key.length < 8 ? `is ${key.length} characters long (at least 8)` : key.length > 128 ? `is ${key.length} characters long (at most 128)` : undefined;
  const bad = [...new Set(key.replace(/[A-Za-z0-9-]/g, ''))].map((char) => JSON.stringify(char)).join(' ');
  return [length, bad ? `contains ${bad}` : undefined].filter(Boolean).join(' and ');
}

/** The whole message for a bad key: what is wrong, what a key is, and where it is set. */
export function indexNowKeyError(key: string): string {
  const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
  return (
    `"${shown}" is not an IndexNow key: it ${indexNowKeyProblem(key) ?? 'is fine'}. A key is 8–128 letters (a-z, A-Z), digits or dashes; ` +
    'make one with `node -e "console.log(crypto.randomUUID())"` and set it as INDEXNOW_KEY (or indexNow.key in src/site.config.ts)'
  );
}

/** Where the key file is served, relative to the site's base: `/<key>.txt`, so every URL of the site is in its scope. */
export const keyFileRoute = (key: string): RoutePath => `/${key}.txt`;

/** A sitemap as IndexNow needs it: each URL with its `<lastmod>`, if it has one. */
export type SitemapEntries = ReadonlyMap<string, string | undefined>;

export interface SitemapDiff {
  /** In the new sitemap only. */
  added: string[];
  /** In both, with another lastmod. */
  changed: string[];
  /** In the old sitemap only: deleted, or now kept out of search. IndexNow takes those too. */
  removed: string[];
  unchanged: number;
  /** What to submit: added, changed, then removed. */
  urls: string[];
}

function sameLastmod(a: string | undefined, b: string | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  const [left, right] = [Date.parse(a), Date.parse(b)];
  // The same instant written in two zones is no change.
  return !Number.isNaN(left) && left === right;
}

/**
 * The URLs whose pages changed between two deploys, by their sitemaps. Without a previous sitemap
 * (the first deploy, or none given), every URL is new. A URL without lastmod in both is taken as
 * unchanged: there is no evidence that it changed, and submitting what did not change wastes the
 * site's standing with the engines.
 */
export function diffSitemaps(previous: SitemapEntries | undefined, next: SitemapEntries): SitemapDiff {
  const added: string[] = [];
  const changed: string[] = [];
  let unchanged = 0;
  for (const [url, lastmod] of next) {
    if (!previous?.has(url)) added.push(url);
    else if (!sameLastmod(previous.get(url), lastmod)) changed.push(url);
    else unchanged += 1;
  }
  const removed = previous ? [...previous.keys()].filter((url) => !next.has(url)) : [];
  return { added, changed, removed, unchanged, urls: [...added, ...changed, ...removed] };
}

/** Whether a URL is on the site: same scheme and host, under its base path (else IndexNow answers 422). */
export function isOnSite(url: string, site: string): boolean {
  if (!URL.canParse(url)) return false;
  const [own, target] = [new URL(site), new URL(url)];
  const base = own.pathname.endsWith('/') ? own.pathname : `${own.pathname}/`;
  return target.protocol === own.protocol && target.host === own.host && `${target.pathname}/`.startsWith(base);
}

/** Splits a list into runs of at most `size`. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`a batch holds at least 1 item, not ${size}`);
  const runs: T[][] = [];
  for (let start = 0; start < items.length; start += size) runs.push(items.slice(start, start + size));
  return runs;
}

export interface IndexNowPayload {
  host: string;
  key: string;
  keyLocation: string;
  urlList: string[];
}

/** The JSON body of one submission. */
export function submissionPayload(options: { site: string; key: string; keyLocation: string; urls: readonly string[] }): IndexNowPayload {
  return { host: new URL(options.site).host, key: options.key, keyLocation: options.keyLocation, urlList: [...options.urls] };
}

/** Longest wait for a 429's Retry-After; a longer one is not worth holding a CI job for. */
export const MAX_RETRY_WAIT_MS = 60_000;
/** Wait after a 429 that gives no Retry-After. */
export const DEFAULT_RETRY_WAIT_MS = 10_000;

/** A Retry-After header (seconds, or an HTTP date) as milliseconds from `now`, within [0, MAX_RETRY_WAIT_MS]. */
export function retryAfterMs(header: string | null | undefined, now: Date): number {
  const value = header?.trim() ?? '';
  let ms = DEFAULT_RETRY_WAIT_MS;
  if (/^\d+$/.test(value)) ms = Number(value) * 1000;
  else if (value !== '' && !Number.isNaN(Date.parse(value))) ms = Date.parse(value) - now.getTime();
  return Math.min(MAX_RETRY_WAIT_MS, Math.max(0, ms));
}

export type SubmissionOutcome =
  | { kind: 'ok'; note: string }
  | { kind: 'retry'; waitMs: number; note: string }
  | { kind: 'fail'; message: string };

/** What a response to a submission means, and what to do next. `attempt` counts from 1. */
export function interpretResponse(
  response: { status: number; retryAfter?: string | null; body?: string },
  context: { keyLocation: string; site: string; attempt: number; maxAttempts: number; now: Date },
): SubmissionOutcome {
  const detail = response.body?.trim() ? ` (the endpoint said: ${response.body.trim().slice(0, 200)})` : '';
  switch (response.status) {
    case 200:
      return { kind: 'ok', note: 'accepted' };
    case 202:
      return { kind: 'ok', note: 'received; the key is still being checked' };
    case 400:
      return { kind: 'fail', message: `IndexNow answered 400 Bad request: the submission is not in the protocol's format${detail}.` };
    case 403:
      return {
        kind: 'fail',
        message: `IndexNow rejected the key (403): check that ${context.keyLocation} is deployed and contains the key (build with the same INDEXNOW_KEY or indexNow.key, then deploy)${detail}.`,
      };
    case 422:
      return {
        kind: 'fail',
        message: `IndexNow answered 422: some URLs are not on ${context.site}, or the key does not match the protocol; check the site URL (url or SITE_URL) the site was built with${detail}.`,
      };
    case 429: {
      if (context.attempt >= context.maxAttempts) {
        return { kind: 'fail', message: `IndexNow answered 429 Too many requests ${context.attempt} times; submit again later, or fewer URLs at a time (--batch-size)${detail}.` };
      }
      const waitMs = retryAfterMs(response.retryAfter, context.now);
      return { kind: 'retry', waitMs, note: `429 Too many requests; trying again in ${Math.round(waitMs / 1000)} s` };
    }
    default:
      return { kind: 'fail', message: `IndexNow answered ${response.status}, which the protocol does not define${detail}.` };
  }
}

/** What `--save-plan` writes before a deploy and `--plan` reads after it. */
export interface IndexNowPlan {
  version: 1;
  /** The site URL the new build was made for; the submission must be for the same site. */
  site: string;
  /** What the new sitemap was compared with ("every URL" when nothing). */
  comparedWith: string;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  urls: string[];
}

export function planOf(site: string, comparedWith: string, diff: SitemapDiff): IndexNowPlan {
  return { version: 1, site, comparedWith, added: diff.added.length, changed: diff.changed.length, removed: diff.removed.length, unchanged: diff.unchanged, urls: diff.urls };
}

/** Reads a saved plan, or throws an Error saying what is wrong with it. */
export function parsePlan(text: string, file: string): IndexNowPlan {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON (${(error as Error).message}); make it again with --save-plan.`);
  }
  const plan = data as Partial<IndexNowPlan> | null;
  const counts = ['added', 'changed', 'removed', 'unchanged'] as const;
  if (
    typeof plan !== 'object' || plan === null || plan.version !== 1 || typeof plan.site !== 'string' || typeof plan.comparedWith !== 'string' ||
    !Array.isArray(plan.urls) || !plan.urls.every((url) => typeof url === 'string') || !counts.every((count) => typeof plan[count] === 'number')
  ) {
    throw new Error(`${file} is not an IndexNow plan from --save-plan (version 1); make it again with --save-plan.`);
  }
  return plan as IndexNowPlan;
}
