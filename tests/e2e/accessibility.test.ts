// Every page template checked by axe-core against WCAG 2.2 AA in real Chromium, at a phone's and a
// desktop's width, in the light and the dark theme, served with the shipped `_headers`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AXE_VIEWS, wcagViolations } from '../helpers/axe.ts';
import { openReaderContext, startReaderSite, type ReaderContext, type ReaderSite } from '../helpers/reader-site.ts';
import { POSTS_WITH_CODE_AND_TABLES, SITE_TEMPLATES } from '../helpers/site-templates.ts';

// Every template, and the posts with code blocks and a table (the scroll regions).
const TEMPLATES = [...SITE_TEMPLATES, ...POSTS_WITH_CODE_AND_TABLES];

// One build, one browser and one page per view for the whole file.
let site: ReaderSite;
beforeAll(async () => {
  site = await startReaderSite({ withProjectContent: true });
});
afterAll(() => site?.close());

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
