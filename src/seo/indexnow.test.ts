import { describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../config/site-schema.ts';
import { minimalSettings } from '../config/test-settings.ts';
import {
  batches,
  diffSitemaps,
  indexNowKeyProblem,
  interpretResponse,
  isOnSite,
  MAX_RETRY_WAIT_MS,
  parsePlan,
  planOf,
  retryAfterMs,
  submissionPayload,
} from './indexnow.ts';

const SITE = 'https://blog.example/';
const entries = (pairs: Record<string, string | undefined>) => new Map(Object.entries(pairs).map(([path, lastmod]) => [`${SITE}${path}`, lastmod]));

describe('IndexNow keys', () => {
  it('accepts 8–128 letters, digits and dashes', () => {
    for (const key of ['abcd1234', 'A1-b2-C3-d4', '0'.repeat(128), crypto.randomUUID()]) expect(indexNowKeyProblem(key), key).toBeUndefined();
  });

  it('says what is wrong with a bad key: its length, the characters it may not contain', () => {
    expect(indexNowKeyProblem('abc123')).toBe('is 6 characters long (at least 8)');
    expect(indexNowKeyProblem('a'.repeat(129))).toBe('is 129 characters long (at most 128)');
    expect(indexNowKeyProblem('key_with spaces_')).toBe('contains "_" " "');
    expect(indexNowKeyProblem('k_y')).toBe('is 3 characters long (at least 8) and contains "_"');
  });

  it('refuses a bad key in the site config or INDEXNOW_KEY, naming the field and how to make a good one', () => {
    expect(parseSiteConfig(minimalSettings).indexNow).toEqual({});
    expect(parseSiteConfig({ ...minimalSettings, indexNow: { key: ' abcd-1234 ' } }).indexNow.key).toBe('abcd-1234');
    expect(parseSiteConfig(minimalSettings, { INDEXNOW_KEY: 'from-the-environment' }).indexNow.key).toBe('from-the-environment');
    expect(() => parseSiteConfig({ ...minimalSettings, indexNow: { key: 'short' } })).toThrow(
      /indexNow\.key: "short" is not an IndexNow key: it is 5 characters long \(at least 8\)\. A key is 8–128 letters .*crypto\.randomUUID.* INDEXNOW_KEY/,
    );
    expect(() => parseSiteConfig(minimalSettings, { INDEXNOW_KEY: 'has/slash/in/it' })).toThrow(/indexNow\.key: "has\/slash\/in\/it" is not an IndexNow key: it contains "\/"/);
  });
});

describe('diffSitemaps', () => {
  const previous = entries({ '': '2026-05-01', 'posts/a/': '2026-03-01', 'posts/b/': '2026-04-01T00:00:00+01:00', 'posts/gone/': '2026-01-01', 'tags/': undefined });

  it('submits the added, changed and removed URLs, not the unchanged ones', () => {
    const next = entries({ '': '2026-06-01', 'posts/a/': '2026-03-01', 'posts/b/': '2026-03-31T23:00:00.000Z', 'posts/new/': '2026-06-01', 'tags/': undefined });
    expect(diffSitemaps(previous, next)).toEqual({
      added: [`${SITE}posts/new/`],
      changed: [`${SITE}`],
      removed: [`${SITE}posts/gone/`],
      // posts/b/ is the same instant written in another zone; tags/ has no lastmod on either side.
      unchanged: 3,
      urls: [`${SITE}posts/new/`, `${SITE}`, `${SITE}posts/gone/`],
    });
  });

  it('counts a URL that gained or lost its lastmod as changed', () => {
    const next = entries({ '': undefined, 'posts/a/': '2026-03-01', 'posts/b/': '2026-04-01T00:00:00+01:00', 'posts/gone/': '2026-01-01', 'tags/': '2026-06-01' });
    expect(diffSitemaps(previous, next).changed).toEqual([SITE, `${SITE}tags/`]);
  });

  it('takes every URL as new without a previous sitemap', () => {
    const next = entries({ '': '2026-06-01', 'posts/a/': undefined });
    expect(diffSitemaps(undefined, next)).toMatchObject({ added: [SITE, `${SITE}posts/a/`], changed: [], removed: [], unchanged: 0 });
  });
});

describe('isOnSite', () => {
  it('keeps the URLs IndexNow accepts for the site: same scheme and host, under its base path', () => {
    expect(isOnSite(`${SITE}posts/a/`, SITE)).toBe(true);
    expect(isOnSite('https://user.github.io/blog/posts/a/', 'https://user.github.io/blog/')).toBe(true);
    expect(isOnSite('https://user.github.io/blog', 'https://user.github.io/blog/')).toBe(true);
    expect(isOnSite('https://user.github.io/other/', 'https://user.github.io/blog/')).toBe(false);
    expect(isOnSite('https://other.example/posts/a/', SITE)).toBe(false);
    expect(isOnSite('http://blog.example/posts/a/', SITE)).toBe(false);
    expect(isOnSite('not a url', SITE)).toBe(false);
  });
});

describe('batches and payloads', () => {
  it('splits the URLs into requests of at most the batch size, in order', () => {
    expect(batches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(batches([1, 2], 10_000)).toEqual([[1, 2]]);
    expect(batches([], 3)).toEqual([]);
    expect(() => batches([1], 0)).toThrow(RangeError);
  });

  it('builds the JSON body the protocol describes', () => {
    const keyLocation = 'https://user.github.io/blog/abcd1234.txt';
    expect(submissionPayload({ site: 'https://user.github.io/blog/', key: 'abcd1234', keyLocation, urls: ['https://user.github.io/blog/'] })).toEqual({
      host: 'user.github.io',
      key: 'abcd1234',
      keyLocation,
      urlList: ['https://user.github.io/blog/'],
    });
  });
});

describe('interpretResponse', () => {
  const context = { keyLocation: `${SITE}abcd1234.txt`, site: SITE, attempt: 1, maxAttempts: 3, now: new Date('2026-06-01T12:00:00Z') };

  it('takes 200 and 202 as accepted', () => {
    expect(interpretResponse({ status: 200 }, context)).toEqual({ kind: 'ok', note: 'accepted' });
    expect(interpretResponse({ status: 202 }, context)).toMatchObject({ kind: 'ok', note: expect.stringContaining('key is still being checked') });
  });

  it('explains 400, 403 and 422 in terms of what to fix', () => {
    expect(interpretResponse({ status: 400, body: 'bad json' }, context)).toEqual({
      kind: 'fail',
      message: "IndexNow answered 400 Bad request: the submission is not in the protocol's format (the endpoint said: bad json).",
    });
    expect(interpretResponse({ status: 403 }, context)).toMatchObject({
      kind: 'fail',
      message: expect.stringMatching(/^IndexNow rejected the key \(403\): check that https:\/\/blog\.example\/abcd1234\.txt is deployed and contains the key/),
    });
    expect(interpretResponse({ status: 422 }, context)).toMatchObject({ kind: 'fail', message: expect.stringContaining(`some URLs are not on ${SITE}`) });
    expect(interpretResponse({ status: 500 }, context)).toMatchObject({ kind: 'fail', message: expect.stringContaining('500') });
  });

  it('retries a 429 after its Retry-After, until the last attempt', () => {
    expect(interpretResponse({ status: 429, retryAfter: '7' }, context)).toMatchObject({ kind: 'retry', waitMs: 7000 });
    expect(interpretResponse({ status: 429, retryAfter: '7' }, { ...context, attempt: 3 })).toMatchObject({
      kind: 'fail',
      message: expect.stringContaining('429 Too many requests 3 times'),
    });
  });

  it('reads Retry-After as seconds or a date, within a bounded wait', () => {
    const now = new Date('2026-06-01T12:00:00Z');
    expect(retryAfterMs('30', now)).toBe(30_000);
    expect(retryAfterMs('Mon, 01 Jun 2026 12:00:20 GMT', now)).toBe(20_000);
    expect(retryAfterMs('Mon, 01 Jun 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('86400', now)).toBe(MAX_RETRY_WAIT_MS);
    expect(retryAfterMs(null, now)).toBeGreaterThan(0);
  });
});

describe('plans', () => {
  it('reads back a saved plan and refuses a file that is not one', () => {
    const plan = planOf(SITE, 'https://blog.example/', diffSitemaps(undefined, entries({ 'posts/a/': '2026-06-01' })));
    expect(parsePlan(JSON.stringify(plan), 'plan.json')).toEqual(plan);
    expect(() => parsePlan('{', 'plan.json')).toThrow(/plan\.json is not JSON .*--save-plan/);
    expect(() => parsePlan('{"urls": []}', 'plan.json')).toThrow('plan.json is not an IndexNow plan from --save-plan (version 1); make it again with --save-plan.');
  });
});
