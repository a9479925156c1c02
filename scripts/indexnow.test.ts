// `npm run indexnow` end to end, as CI runs it: the real script in a child process, against a stub
// server on 127.0.0.1 that plays both the live site (its sitemaps) and the IndexNow endpoint.
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IndexNowPayload } from '../src/seo/indexnow.ts';
import { PROJECT_ROOT } from './lib/astro-build.ts';

const SCRIPT = join(PROJECT_ROOT, 'scripts/indexnow.ts');
const KEY = 'test-key-0123456789';

type Sitemap = Record<string, string | undefined>;

function sitemapFiles(site: string, urls: Sitemap): Record<string, string> {
  const entries = Object.entries(urls)
    .map(([path, lastmod]) => `<url><loc>${site}${path}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`)
    .join('');
  return {
    'sitemap-index.xml': `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${site}sitemap-0.xml</loc></sitemap></sitemapindex>`,
    'sitemap-0.xml': `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries}</urlset>`,
  };
}

// The deployed site, and the new build about to replace it: one post changed, one added, one removed.
const LIVE: Sitemap = { '': '2026-05-01T00:00:00.000Z', 'about/': '2026-01-01T00:00:00.000Z', 'posts/kept/': '2026-02-01T00:00:00.000Z', 'posts/edited/': '2026-03-01T00:00:00.000Z', 'posts/deleted/': '2026-04-01T00:00:00.000Z' };
const BUILT: Sitemap = { '': '2026-06-01T00:00:00.000Z', 'about/': '2026-01-01T00:00:00.000Z', 'posts/kept/': '2026-02-01T00:00:00.000Z', 'posts/edited/': '2026-05-20T00:00:00.000Z', 'posts/new/': '2026-06-01T00:00:00.000Z' };

let server: Server;
let site = '';
let folder = '';
/** What the live site serves, by path. */
let live: Record<string, string> = {};
/** The endpoint's answers, one per request; 200 once they run out. */
let answers: { status: number }[] = [];
let received: IndexNowPayload[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://stub').pathname;
    if (path === '/indexnow' && request.method === 'POST') {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push(JSON.parse(body) as IndexNowPayload);
        const answer = answers.shift() ?? { status: 200 };
        response.writeHead(answer.status).end();
      });
      return;
    }
    const file = live[path.slice(1)];
    if (file === undefined) response.writeHead(404).end('not found');
    else response.writeHead(200, { 'content-type': 'application/xml' }).end(file);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  folder = mkdtempSync(join(tmpdir(), 'indexnow-cli-'));
  mkdirSync(join(folder, 'dist'));
  for (const [file, text] of Object.entries(sitemapFiles(site, BUILT))) writeFileSync(join(folder, 'dist', file), text);
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(folder, { recursive: true, force: true });
});

beforeEach(() => {
  live = sitemapFiles(site, LIVE);
  answers = [];
  received = [];
});

/** Runs the script in `folder` (so dist/ is the build above) and resolves with its exit code and output. */
function indexnow(args: string[], env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  const base: Record<string, string | undefined> = { ...process.env, SITE_URL: site, INDEXNOW_KEY: KEY, INDEXNOW_ENDPOINT: `${site}indexnow` };
  delete base['SITE_CONFIG_OVERRIDES'];
  return new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT, '--pause', '0', ...args], { cwd: folder, env: { ...base, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr });
    });
  });
}

const url = (path: string) => `${site}${path}`;
/** What changed from LIVE to BUILT, in the order submitted: added, changed, removed. */
const changed = () => [url('posts/new/'), url(''), url('posts/edited/'), url('posts/deleted/')];

describe('npm run indexnow', () => {
  it('is a dry run by default: it prints the URLs that changed since the live deploy and sends nothing', async () => {
    const run = await indexnow(['--previous', site]);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain(`4 URLs to submit (1 added, 2 changed, 1 removed, 2 unchanged) compared with ${site}`);
    expect(run.output.split('\n').filter((line) => line.startsWith('  ')).map((line) => line.trim())).toEqual(changed());
    expect(run.output).toContain('dry run; nothing was sent. Add --submit to send');
    expect(received).toEqual([]);
  });

  it('saves a plan before the deploy and submits it after, in batches with the protocol’s payload', async () => {
    const saved = await indexnow(['--previous', site, '--save-plan', 'out/plan.json']);
    expect(saved.code, saved.output).toBe(0);
    expect(received).toEqual([]);
    // The deploy replaces the live sitemap with the new one; the plan still holds what changed.
    live = sitemapFiles(site, BUILT);
    const submitted = await indexnow(['--plan', 'out/plan.json', '--submit', '--batch-size', '3']);
    expect(submitted.code, submitted.output).toBe(0);
    const keyLocation = url(`${KEY}.txt`);
    const host = new URL(site).host;
    expect(received).toEqual([
      { host, key: KEY, keyLocation, urlList: changed().slice(0, 3) },
      { host, key: KEY, keyLocation, urlList: changed().slice(3) },
    ]);
    expect(submitted.output).toContain('batch 1/2 (3 URLs) accepted (200)');
    expect(submitted.output).toContain('submitted 4 URLs in 2 requests.');
  });

  it('submits every URL of the build when there is nothing to compare with, or the live site has no sitemap yet', async () => {
    const everything = await indexnow(['--submit']);
    expect(everything.code, everything.output).toBe(0);
    live = {};
    const firstDeploy = await indexnow(['--previous', site, '--submit']);
    expect(firstDeploy.code, firstDeploy.output).toBe(0);
    expect(firstDeploy.output).toContain('has no sitemap yet (a first deploy?), so every URL counts as new');
    const all = Object.keys(BUILT).map(url);
    expect(received.map((payload) => payload.urlList)).toEqual([all, all]);
  });

  it('compares with an old build on disk, and sends nothing when nothing changed', async () => {
    const run = await indexnow(['--previous', 'dist', '--submit']);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('nothing changed, so nothing to submit');
    expect(received).toEqual([]);
  });

  it('stops with the fix when IndexNow rejects the key (403), and exits non-zero', async () => {
    answers = [{ status: 403 }];
    const run = await indexnow(['--previous', site, '--submit', '--batch-size', '2']);
    expect(run.code).toBe(1);
    expect(run.output).toContain(`IndexNow rejected the key (403): check that ${url(`${KEY}.txt`)} is deployed and contains the key`);
    expect(run.output).toContain('0 URLs of 4 submitted before it stopped.');
    expect(received).toHaveLength(1);
  });

  it('says clearly what is wrong with a bad key, a missing key, a plan for another site and an unreachable endpoint', async () => {
    const badKey = await indexnow(['--submit'], { INDEXNOW_KEY: 'no spaces' });
    expect(badKey.code).toBe(2);
    expect(badKey.output).toContain('indexNow.key: "no spaces" is not an IndexNow key: it contains " "');

    const noKey = await indexnow(['--submit'], { INDEXNOW_KEY: '' });
    expect(noKey.code).toBe(2);
    expect(noKey.output).toContain('a key is needed to submit: set INDEXNOW_KEY');
    const optional = await indexnow(['--submit', '--optional'], { INDEXNOW_KEY: '' });
    expect(optional.code, optional.output).toBe(0);
    expect(optional.output).toContain('no key is set (INDEXNOW_KEY or indexNow.key), so nothing was sent');

    writeFileSync(join(folder, 'other-site.json'), JSON.stringify({ version: 1, site: 'https://other.example/', comparedWith: 'x', added: 1, changed: 0, removed: 0, unchanged: 0, urls: ['https://other.example/'] }));
    const otherSite = await indexnow(['--plan', 'other-site.json', '--submit']);
    expect(otherSite.code).toBe(2);
    expect(otherSite.output).toContain(`is for https://other.example/, but this site is ${site}`);

    // A port nothing listens on: one a second server held and let go.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadEndpoint = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/indexnow`;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = await indexnow(['--submit'], { INDEXNOW_ENDPOINT: deadEndpoint });
    expect(unreachable.code).toBe(1);
    expect(unreachable.output).toContain(`Could not reach the IndexNow endpoint ${deadEndpoint}: ECONNREFUSED`);
    expect(received).toEqual([]);
  });
});
