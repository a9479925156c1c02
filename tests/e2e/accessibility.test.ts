// Every page template checked by axe-core against WCAG 2.2 AA in real Chromium, at a phone's and a
// desktop's width, in the light and the dark theme, served with the shipped `_headers`.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AXE_VIEWS, wcagViolations } from '../helpers/axe.ts';
import { PROJECT_ROOT } from '../helpers/fixture-site.ts';
import { QUICK_ANSWER, QUICK_ANSWER_PATH } from '../helpers/post-page-fixtures.ts';
import { openReaderContext, startSharedReaderSite, type ReaderContext, type ReaderSite } from '../helpers/reader-site.ts';
import { POSTS_WITH_CODE_AND_TABLES, SITE_TEMPLATES } from '../helpers/site-templates.ts';

// Every template, the posts with code blocks and a table (the scroll regions), and a post with a quick answer.
const TEMPLATES = [...SITE_TEMPLATES, ...POSTS_WITH_CODE_AND_TABLES, { template: 'post', path: QUICK_ANSWER_PATH }];

// One build, one browser and one page per view for the whole file.
let site: ReaderSite;
beforeAll(async () => {
  site = await startSharedReaderSite();
});
afterAll(() => site?.close());

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

/** Opens the page in a fresh reader of its own, hands it to the checks, then closes it. */
async function onPage(path: string, viewport: { width: number; height: number }, check: (page: Page) => Promise<void>, options: Parameters<typeof openReaderContext>[1] = {}) {
  const reader = await openReaderContext(site, { viewport, ...options });
  try {
    await reader.page.goto(site.url(path), { waitUntil: 'load' });
    await check(reader.page);
  } finally {
    await reader.context.close();
  }
}

describe.each(AXE_VIEWS)('at $width px in the $theme theme', ({ width, height, theme }) => {
  let reader: ReaderContext;
  beforeAll(async () => {
    // The theme follows the system's colour scheme when the reader has not chosen one (src/theme/theme-init.ts).
    reader = await openReaderContext(site, { viewport: { width, height }, colorScheme: theme });
  });
  afterAll(() => reader?.context.close());

  it.each(TEMPLATES)('the $template template ($path) has no WCAG 2.2 AA violation', async ({ template, path }) => {
    const { page } = reader;
    // "load": the page's module scripts (the theme toggle) have run; what loads later is waited for below.
    const response = await page.goto(site.url(path), { waitUntil: 'load' });
    expect(response?.status()).toBe(template === 'not-found' ? 404 : 200);
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe(theme);
    if (template === 'search') await expect.poll(() => page.locator('[data-search-results] li').count()).toBeGreaterThan(0);
    if (template === 'post') {
      await page.locator('#comments-title').scrollIntoViewIfNeeded();
      await expect.poll(() => reader.giscusFrame()?.url() ?? '').toMatch(/^https:\/\/giscus\.app\//);
    }
    expect(await wcagViolations(page)).toEqual([]);
  });
});

describe('code blocks and tables that are wider than a phone', () => {
  it.each([
    { path: '/posts/windows-firewall-blocked-netsession-win-exe/', region: 'Code: powershell' },
    { path: '/posts/core-web-vitals-explained/', region: 'Table: Metric, What it measures, Good, Needs improvement, Poor' },
  ])('are reached with Tab and scrolled with the arrow keys: "$region"', async ({ path, region }) => {
    const reader = await openReaderContext(site, { viewport: { width: 375, height: 740 } });
    try {
      const { page } = reader;
      await page.goto(site.url(path), { waitUntil: 'networkidle' });
      const scroller = page.getByRole('region', { name: region, exact: true });
      expect(await scroller.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
      const isFocused = () => scroller.evaluate((element) => element === document.activeElement);
      for (let presses = 0; presses < 100 && !(await isFocused()); presses++) await page.keyboard.press('Tab');
      expect(await isFocused()).toBe(true);
      expect(await scroller.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe('solid');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => scroller.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    } finally {
      await reader.context.close();
    }
  });
});

describe('the post page on a phone and on a wide screen', () => {
  const ADVISORY = '/posts/windows-firewall-blocked-netsession-win-exe/';

  it.each([ADVISORY, QUICK_ANSWER_PATH])('starts the text of %s on the first screen of a phone, under a closed table of contents', async (path) => {
    await onPage(path, PHONE, async (page) => {
      const toc = page.getByRole('navigation', { name: 'On this page' });
      expect(await toc.locator('details').evaluate((details: HTMLDetailsElement) => details.open)).toBe(false);
      expect(await toc.locator('summary').textContent()).toMatch(/^On this page \(\d+ sections\)$/);
      const firstParagraph = await page.locator('.content p').first().boundingBox();
      expect(firstParagraph!.y).toBeLessThan(PHONE.height);
      // And below the table of contents, which comes first in the reading order.
      expect(firstParagraph!.y).toBeGreaterThan((await toc.boundingBox())!.y);
    });
  });

  it('puts the quick answer in a labelled box under the post header, before the table of contents and the text', async () => {
    await onPage(QUICK_ANSWER_PATH, PHONE, async (page) => {
      const answer = page.getByRole('region', { name: 'Quick answer' });
      expect(await answer.locator('p').textContent()).toBe(QUICK_ANSWER);
      const top = async (selector: string) => (await page.locator(selector).first().boundingBox())!.y;
      const answerTop = (await answer.boundingBox())!.y;
      expect(answerTop).toBeGreaterThan(await top('.post > header'));
      expect(answerTop).toBeLessThan(await top('nav.toc'));
      expect(await top('nav.toc')).toBeLessThan(await top('.content'));
      // Its heading is an h2 under the h1, so the outline skips no level.
      expect(await answer.locator('h2').textContent()).toBe('Quick answer');
    });
  });

  it('shows the table of contents open in a sticky column beside the text on a wide screen', async () => {
    await onPage(ADVISORY, DESKTOP, async (page) => {
      const toc = page.getByRole('navigation', { name: 'On this page' });
      await expect.poll(() => toc.locator('details').evaluate((details: HTMLDetailsElement) => details.open)).toBe(true);
      // There is room for the cover here; on a phone the quick answer takes its place.
      expect(await page.locator('.post .hero').isVisible()).toBe(true);
      const text = (await page.locator('.content').boundingBox())!;
      const column = (await toc.boundingBox())!;
      // The text keeps the site's measure, centred as on every page; the contents sit to its right.
      const windowWidth = await page.evaluate(() => document.documentElement.clientWidth);
      expect(text.width).toBeLessThanOrEqual(44 * 16);
      expect(Math.abs(text.x + text.width / 2 - windowWidth / 2)).toBeLessThanOrEqual(1);
      expect(column.x).toBeGreaterThanOrEqual(text.x + text.width);
      expect(column.y).toBeLessThan(DESKTOP.height);
      // Halfway down the post it is still on screen.
      await page.locator('#should-you-allow-or-block-it').scrollIntoViewIfNeeded();
      const scrolled = (await toc.boundingBox())!;
      expect(scrolled.y).toBeGreaterThanOrEqual(0);
      expect(scrolled.y).toBeLessThan(DESKTOP.height / 2);
    });
  });

  it('shows the whole netsession_win.exe path on a phone, without sideways scrolling', async () => {
    await onPage(ADVISORY, PHONE, async (page) => {
      const block = page.locator('pre', { hasText: 'Akamai\\netsession_win.exe' }).first();
      expect(await block.textContent()).toContain('%LOCALAPPDATA%\\Akamai\\netsession_win.exe');
      expect(await block.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    });
  });

  it('copies a code block exactly as the post wrote it, from the keyboard, and says so', async () => {
    await onPage(ADVISORY, PHONE, async (page) => {
      const markdown = readFileSync(join(PROJECT_ROOT, 'content/posts/windows-firewall-blocked-netsession-win-exe/index.md'), 'utf8');
      const written = /```powershell\n([\s\S]*?)\n```/.exec(markdown)?.[1];
      expect(written).toBeDefined();
      const button = page.getByRole('button', { name: 'Copy code: powershell' });
      const size = (await button.boundingBox())!;
      expect(Math.min(size.width, size.height)).toBeGreaterThanOrEqual(24);
      // Above the code, never over it.
      expect(size.y + size.height).toBeLessThanOrEqual((await page.getByRole('region', { name: 'Code: powershell', exact: true }).boundingBox())!.y);
      await button.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Copied' }).count()).toBe(1);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(written);
    }, { permissions: ['clipboard-read', 'clipboard-write'] });
  });

  it('lets a single "Newer post" card fill the row', async () => {
    await onPage(ADVISORY, DESKTOP, async (page) => {
      const nav = page.getByRole('navigation', { name: 'More posts' });
      const links = nav.getByRole('link');
      expect(await links.count()).toBe(1);
      expect((await links.first().boundingBox())!.width).toBeCloseTo((await nav.boundingBox())!.width, 0);
    });
  });
});

describe('post cards', () => {
  // The 404 page lists cards inside the reading measure; home and tag pages in the wide frame.
  it.each([
    { path: '/', columns: 3 },
    { path: '/tags/windows/', columns: 3 },
    { path: '/no-such-page/', columns: 2 },
  ])('keep every title inside its card on $path, in $columns columns on a wide screen', async ({ path, columns }) => {
    await onPage(path, DESKTOP, async (page) => {
      const grid = page.locator('.cards.grid').first();
      const tops = await grid.locator(':scope > li').evaluateAll((items) => items.map((item) => item.getBoundingClientRect().top));
      expect(tops.filter((top) => top === tops[0]).length).toBe(Math.min(columns, tops.length));
      const overflowing = await page.locator('.card .title').evaluateAll((titles) => titles.filter((title) => title.scrollWidth > title.clientWidth).map((title) => title.textContent));
      expect(overflowing).toEqual([]);
    });
  });
});
