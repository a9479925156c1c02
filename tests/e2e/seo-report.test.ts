// The owner's SEO report from two real builds of one fixture site: the second turns a post noindex and
// moves another's canonical (both through frontmatter), and the report lists both first as risks. Then the
// report is opened from disk in Chromium and checked by axe-core at a phone's and a desktop's width, light
// and dark. Two builds and one browser for the whole file.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AXE_VIEWS, wcagViolations } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { buildFixture, post, PROJECT_ROOT, type BuildResult } from '../helpers/fixture-site.ts';

const posts = (changed: boolean) => ({
  'fog.md': post({ title: '"Fog over the river"', pubDate: '2026-01-10', ...(changed ? { noindex: 'true' } : {}) }),
  'smog.md': post({ title: '"Smog in the valley"', pubDate: '2026-01-12', ...(changed ? { canonical: '"https://urban-haze.example/posts/haze/"' } : {}) }),
  'haze.md': post({ title: '"Haze at dusk"', pubDate: '2026-01-14' }),
});

/** Two runs of the audit's history for the fixture's dist/, so the report draws charts. */
function writeHistory(directory: string): void {
  const target = relative(PROJECT_ROOT, join(directory, 'dist')).split('\\').join('/');
  const run = (at: string, performance: number, lcpMs: number) =>
    JSON.stringify({
      at,
      target,
      preset: 'mobile',
      passed: true,
      runDir: `runs/${at}`,
      pages: { '/': { performance, accessibility: 100, 'best-practices': 100, seo: 100 }, '/posts/haze/': { performance, accessibility: 98, 'best-practices': 100, seo: 100 } },
      facts: { '/': { lcpMs, cls: 0.01, tbtMs: 0, bytes: 60_000 }, '/posts/haze/': { lcpMs: lcpMs + 300, cls: 0, tbtMs: 20, bytes: 95_000 } },
    });
  mkdirSync(join(directory, 'reports/lighthouse'), { recursive: true });
  writeFileSync(join(directory, 'reports/lighthouse/history.jsonl'), `${run('2026-05-01T10:00:00.000Z', 97, 1500)}\n${run('2026-05-28T10:00:00.000Z', 92, 2100)}\n`);
}

let first: BuildResult;
let second: BuildResult;
const report = (build: BuildResult, file = 'index.html') => readFileSync(join(build.directory, 'reports', file), 'utf8');

beforeAll(async () => {
  first = await buildFixture({ posts: posts(false) });
  writeHistory(first.directory);
  second = await buildFixture({ directory: first.directory, posts: posts(true) });
}, 180_000);
afterAll(() => first?.cleanup());

describe('the SEO report of a build', () => {
  it('is named in the build’s last lines; the first build has nothing to compare with', () => {
    expect(first.exitCode, first.output).toBe(0);
    expect(first.output).toMatch(/SEO report: \S*reports\/index\.html \(\d+ pages, no previous build to compare with; \d+ ms\)/);
  });

  it('after a post turns noindex and another’s canonical moves, lists both first as risks', () => {
    expect(second.exitCode, second.output).toBe(0);
    expect(second.output).toMatch(/SEO report: \S*reports\/index\.html \(\d+ pages, 2 risky changes since the last build; \d+ ms\)/);
    const changes = [...report(second).matchAll(/<li class="change change-(\w+)">.*?<a href="([^"]+)">/g)].map(([, severity, href]) => `${severity} ${href}`);
    expect(changes.slice(0, 2).sort()).toEqual(['risk pages/posts_fog.html', 'risk pages/posts_smog.html']);
    expect(changes.slice(2).every((change) => !change.startsWith('risk'))).toBe(true);
  });

  it('shows each post’s Google preview and its social cards with the og:image copied beside the report', () => {
    const page = report(second, 'pages/posts_haze.html');
    expect(page).toContain('<h3>Desktop</h3>');
    const image = /<img class="card-image[^"]*" src="\.\.\/(images\/[^"]+)"/.exec(page)?.[1];
    expect(image).toBeDefined();
    expect(readFileSync(join(second.directory, 'reports', decodeURIComponent(image!))).subarray(1, 4).toString()).toBe('PNG');
    expect(report(second, 'pages/posts_fog.html')).toContain('It says noindex');
  });

  it('draws the site’s and an audited page’s scores from the Lighthouse history', () => {
    expect(report(second).match(/<svg [^>]*role="img"/g)).toHaveLength(8);
    expect(report(second, 'pages/posts_haze.html')).toMatch(/<th scope="row">2026-05-28 10:00<\/th><td>92<\/td>/);
  });
});


describe('the SEO report in Chromium, opened from disk', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('filters the pages table by template, tag and lint finding, and says how many it shows', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(pathToFileURL(join(second.directory, 'reports/index.html')).href, { waitUntil: 'load' });
      const shown = () => page.locator('tr[data-template]:not([hidden]) th a').allTextContents();
      expect(await shown()).toHaveLength(await page.locator('tr[data-template]').count());
      await page.getByLabel('Template', { exact: true }).selectOption('post');
      expect(await shown()).toEqual(['/posts/fog/', '/posts/haze/', '/posts/smog/']);
      await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Showing 3 of \d+ pages\.$/);
      await page.getByLabel('Template', { exact: true }).selectOption('');
      await page.getByLabel('Tag', { exact: true }).selectOption('Testing');
      expect(await shown()).toEqual(['/posts/fog/', '/posts/haze/', '/posts/smog/']);
      await page.getByLabel('Lint finding', { exact: true }).selectOption('*');
      expect(await shown()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  describe.each(AXE_VIEWS)('at $width px in the $theme scheme', ({ width, height, theme }) => {
    it.each(['index.html', 'pages/posts_haze.html'])('%s has no WCAG 2.2 AA violation and loads nothing from the network', async (file) => {
      const context = await browser.newContext({ viewport: { width, height }, colorScheme: theme });
      const requests: string[] = [];
      context.on('request', (request) => {
        if (!request.url().startsWith('file:')) requests.push(request.url());
      });
      const page = await context.newPage();
      try {
        await page.goto(pathToFileURL(join(second.directory, 'reports', file)).href, { waitUntil: 'load' });
        // The stylesheet applied: the page's colours are the report's own, in the scheme asked for.
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        expect(background).toBe(theme === 'dark' ? 'rgb(20, 20, 20)' : 'rgb(255, 255, 255)');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        expect(await wcagViolations(page)).toEqual([]);
        expect(requests).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});
