import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { submissionPayload } from '../../src/seo/indexnow.ts';
import { readLocalSitemaps, submitBatches } from './indexnow.ts';

const SITE = 'https://blog.example/';
const payloads = [['a/', 'b/'], ['c/']].map((paths) =>
  submissionPayload({ site: SITE, key: 'abcd1234', keyLocation: `${SITE}abcd1234.txt`, urls: paths.map((path) => SITE + path) }),
);

/** A stand-in endpoint answering each request in turn, and a clock that only records the waits asked of it. */
function endpoint(answers: (Response | Error)[]) {
  const bodies: unknown[] = [];
  const waits: number[] = [];
  const fetch = (async (_url: string, init: RequestInit) => {
    bodies.push(JSON.parse(String(init.body)));
    const answer = answers.shift() ?? new Response(null, { status: 200 });
    if (answer instanceof Error) throw answer;
    return answer;
  }) as typeof globalThis.fetch;
  const sleep = async (ms: number) => {
    waits.push(ms);
  };
  return { bodies, waits, options: { endpoint: 'https://engine.example/indexnow', site: SITE, payloads, maxAttempts: 3, fetch, sleep, now: () => new Date('2026-06-01T12:00:00Z') } };
}

describe('submitBatches', () => {
  it('sends each batch in order, pausing between two requests', async () => {
    const stub = endpoint([]);
    const lines: string[] = [];
    const result = await submitBatches({ ...stub.options, pauseMs: 1500, log: (line) => lines.push(line) });
    expect(result).toEqual({ submitted: 3, requests: 2, failure: undefined });
    expect(stub.bodies).toEqual(payloads);
    expect(stub.waits).toEqual([1500]);
    expect(lines).toEqual(['IndexNow: batch 1/2 (2 URLs) accepted (200)', 'IndexNow: batch 2/2 (1 URLs) accepted (200)']);
  });

  it('waits as long as a 429’s Retry-After says, then sends the same batch again', async () => {
    const stub = endpoint([new Response(null, { status: 429, headers: { 'retry-after': '7' } }), new Response(null, { status: 202 })]);
    const result = await submitBatches({ ...stub.options, pauseMs: 0 });
    expect(result).toEqual({ submitted: 3, requests: 3, failure: undefined });
    expect(stub.waits).toEqual([7000]);
    expect(stub.bodies).toEqual([payloads[0], payloads[0], payloads[1]]);
  });

  it('gives up after the last attempt, and stops at the first batch that fails', async () => {
    const tooMany = () => new Response(null, { status: 429, headers: { 'retry-after': 'Mon, 01 Jun 2026 12:00:05 GMT' } });
    const stub = endpoint([tooMany(), tooMany(), tooMany()]);
    const result = await submitBatches({ ...stub.options, pauseMs: 0 });
    expect(result.submitted).toBe(0);
    expect(result.requests).toBe(3);
    expect(result.failure).toMatch(/^batch 1\/2 \(2 URLs\): IndexNow answered 429 Too many requests 3 times/);
    expect(stub.waits).toEqual([5000, 5000]);
  });

  it('reports a 422 with what the endpoint said, after the batches it accepted', async () => {
    const stub = endpoint([new Response(null, { status: 200 }), new Response('URL not on host', { status: 422 })]);
    const result = await submitBatches({ ...stub.options, pauseMs: 0 });
    expect(result.submitted).toBe(2);
    expect(result.failure).toMatch(/^batch 2\/2 \(1 URLs\): IndexNow answered 422: some URLs are not on https:\/\/blog\.example\/.*\(the endpoint said: URL not on host\)\.$/);
  });

  it('names the endpoint and the cause of a network error', async () => {
    const stub = endpoint([Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } })]);
    const result = await submitBatches({ ...stub.options, pauseMs: 0 });
    expect(result.failure).toBe('Could not reach the IndexNow endpoint https://engine.example/indexnow: ENOTFOUND. Check the network (or INDEXNOW_ENDPOINT) and submit again.');
  });
});

describe('readLocalSitemaps', () => {
  const folder = mkdtempSync(join(tmpdir(), 'indexnow-sitemaps-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  mkdirSync(join(folder, 'old-dist'));
  writeFileSync(join(folder, 'old-dist/sitemap-index.xml'), `<sitemapindex><sitemap><loc>${SITE}sitemap-0.xml</loc></sitemap><sitemap><loc>${SITE}sitemap-1.xml</loc></sitemap></sitemapindex>`);
  writeFileSync(join(folder, 'old-dist/sitemap-0.xml'), `<urlset><url><loc>${SITE}</loc><lastmod>2026-06-01</lastmod></url></urlset>`);
  writeFileSync(join(folder, 'old-dist/sitemap-1.xml'), `<urlset><url><lastmod>2026-05-01</lastmod><loc>${SITE}a/</loc></url><url><loc>${SITE}b/</loc></url></urlset>`);

  it('reads an old build’s sitemap index and its children, or one sitemap file', async () => {
    const all = new Map([[SITE, '2026-06-01'], [`${SITE}a/`, '2026-05-01'], [`${SITE}b/`, undefined]]);
    expect(await readLocalSitemaps(join(folder, 'old-dist'))).toEqual(all);
    expect(await readLocalSitemaps(join(folder, 'old-dist/sitemap-index.xml'))).toEqual(all);
    expect(await readLocalSitemaps(join(folder, 'old-dist/sitemap-0.xml'))).toEqual(new Map([[SITE, '2026-06-01']]));
  });

  it('has nothing for a folder without a sitemap, and says what is wrong with a missing path or a broken sitemap', async () => {
    mkdirSync(join(folder, 'empty'));
    expect(await readLocalSitemaps(join(folder, 'empty'))).toBeUndefined();
    await expect(readLocalSitemaps(join(folder, 'nowhere'))).rejects.toThrow(/There is no .*nowhere; give a sitemap file, a built site's folder or the live site's URL\./);
    writeFileSync(join(folder, 'broken.xml'), `<urlset><url><loc>${SITE}</loc></urlset>`);
    await expect(readLocalSitemaps(join(folder, 'broken.xml'))).rejects.toThrow(/The sitemap .*broken\.xml cannot be read: <url> is not closed/);
  });
});
