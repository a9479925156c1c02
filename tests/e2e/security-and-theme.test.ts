// Every page template served with the shipped `_headers` policy as real HTTP headers, in headless
// Chromium: nothing is refused and nothing logs an error. And the theme choice sticks, from the
// first frame.
import type { ConsoleMessage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReaderContext, startSharedReaderSite, type ReaderContext, type ReaderSite } from '../helpers/reader-site.ts';
import { SITE_TEMPLATES } from '../helpers/site-templates.ts';

interface Probe {
  violations: { directive: string; blocked: string; source: string }[];
  frames: { theme: string | undefined; background: string | null; colorScheme: string }[];
  themeValues: (string | undefined)[];
}

declare global {
  interface Window {
    probe: Probe;
  }
}

// Runs in every document before its own scripts.
function installProbe(): void {
  const probe: Probe = { violations: [], frames: [], themeValues: [] };
  window.probe = probe;
  document.addEventListener(
    'securitypolicyviolation',
    (event) => probe.violations.push({ directive: event.effectiveDirective, blocked: event.blockedURI, source: `${event.sourceFile}:${event.lineNumber}` }),
    true,
  );
  new MutationObserver(() => probe.themeValues.push(document.documentElement.dataset['theme'])).observe(document, {
    subtree: true,
    attributes: true,
    attributeFilter: ['data-theme'],
  });
  // What each rendered frame shows, from the very first, until the page has loaded.
  let loaded = false;
  addEventListener('load', () => setTimeout(() => (loaded = true), 100));
  const record = () => {
    const root = document.documentElement;
    probe.frames.push({
      theme: root?.dataset['theme'],
      background: document.body ? getComputedStyle(document.body).backgroundColor : null,
      colorScheme: root ? getComputedStyle(root).colorScheme : '',
    });
    if (!loaded) requestAnimationFrame(record);
  };
  requestAnimationFrame(record);
}

const TEMPLATES = SITE_TEMPLATES;

// One build and one browser for the whole file.
let site: ReaderSite;
beforeAll(async () => {
  site = await startSharedReaderSite();
});
afterAll(() => site?.close());

describe('pages under the shipped security headers', () => {
  const contexts: ReaderContext[] = [];
  afterAll(() => Promise.all(contexts.map((each) => each.context.close())));

  async function open(options: Parameters<typeof openReaderContext>[1] = {}): Promise<ReaderContext & { problems: string[] }> {
    const reader = await openReaderContext(site, options);
    contexts.push(reader);
    await reader.context.addInitScript(installProbe);
    const problems: string[] = [];
    const format = (message: ConsoleMessage) => `console ${message.type()}: ${message.text()} (${message.location().url})`;
    reader.page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(format(message));
    });
    reader.page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    return { ...reader, problems };
  }

  it('serves the policy from _headers, with frame-ancestors, and giscus as the only frame source', () => {
    const all = site.server.rules.find((rule) => rule.path === '/*')?.headers ?? {};
    const policy = all['Content-Security-Policy'] ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain('frame-src https://giscus.app;');
    expect(policy).not.toContain('unsafe-inline');
    expect(Object.keys(all)).toEqual(expect.arrayContaining(['Strict-Transport-Security', 'X-Content-Type-Options', 'Referrer-Policy', 'Permissions-Policy']));
  });

  it.each(TEMPLATES)('the $template template ($path): no policy violation and no console error', async ({ template, path }) => {
    const reader = await open();
    const response = await reader.page.goto(site.url(path), { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(template === 'not-found' ? 404 : 200);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
    expect(await reader.page.locator('body').getAttribute('data-template')).toBe(template);

    // Exercise what the template loads on use: the comments frame, the search index and worker.
    if (template === 'post') {
      await reader.page.locator('#comments-title').scrollIntoViewIfNeeded();
      await expect.poll(() => reader.giscusFrame()?.url() ?? '').toMatch(/^https:\/\/giscus\.app\//);
    }
    if (template === 'search') await expect.poll(() => reader.page.locator('[data-search-results] li').count()).toBeGreaterThan(0);
    await reader.page.locator('footer').scrollIntoViewIfNeeded();
    await reader.networkQuiet();

    expect(await reader.page.evaluate(() => window.probe.violations)).toEqual([]);
    // The 404 page's own status is expected; anything else is not.
    const unexpected = reader.problems.filter((problem) => !(template === 'not-found' && problem.includes('404 (Not Found)') && problem.includes(site.url(path))));
    expect(unexpected).toEqual([]);
  });

  it('is really enforced: an inline script injected into a page is refused and reported', async () => {
    const reader = await open();
    await reader.page.goto(site.url('/'), { waitUntil: 'networkidle' });
    await reader.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true;';
      document.head.append(script);
    });
    await expect.poll(() => reader.page.evaluate(() => window.probe.violations.map((violation) => violation.directive))).toContain('script-src-elem');
    expect(await reader.page.evaluate(() => 'injected' in window)).toBe(false);
  });
});

describe('the theme choice', () => {
  it.each([
    { system: 'light', choice: 'dark', button: 'Dark theme' },
    { system: 'dark', choice: 'light', button: 'Dark theme' },
  ] as const)('a $choice choice on a $system system persists across navigation and reload, from the first frame', async ({ system, choice, button }) => {
    const reader = await openReaderContext(site, { colorScheme: system });
    await reader.context.addInitScript(installProbe);
    const { page } = reader;
    try {
      await page.goto(site.url('/'), { waitUntil: 'networkidle' });
      expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe(system);
      const systemBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

      await page.getByRole('button', { name: button }).click();
      expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe(choice);
      const chosenBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(chosenBackground).not.toBe(systemBackground);

      const checkFirstFrames = async () => {
        await page.waitForLoadState('load');
        await expect.poll(() => page.evaluate(() => window.probe.frames.length)).toBeGreaterThan(1);
        const probe = await page.evaluate(() => window.probe);
        // Set once, by the inline script in <head>, to the choice; never changed after.
        expect(probe.themeValues).toEqual([choice]);
        for (const frame of probe.frames) {
          expect(frame.theme).toBe(choice);
          expect(frame.colorScheme).toBe(choice);
          if (frame.background !== null) expect(frame.background).toBe(chosenBackground);
        }
        expect(probe.frames.some((frame) => frame.background !== null)).toBe(true);
        expect(await page.getByRole('button', { name: button }).getAttribute('aria-pressed')).toBe(String(choice === 'dark'));
      };

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About' }).click();
      await page.waitForURL(site.url('/about/'));
      await checkFirstFrames();

      await page.reload();
      await checkFirstFrames();
    } finally {
      await reader.context.close();
    }
  });
});

describe('the header', () => {
  const PHONE = { width: 390, height: 844 };

  it('fits on one row of a phone: site title, menu button, search and theme toggle', async () => {
    const reader = await openReaderContext(site, { viewport: PHONE });
    try {
      const { page } = reader;
      await page.goto(site.url('/archive/'), { waitUntil: 'load' });
      const header = await page.locator('header.site-header').boundingBox();
      expect(header!.height).toBeLessThanOrEqual(72);
      const controls = [
        page.getByRole('link', { name: 'Urban Haze' }).first(),
        page.getByRole('button', { name: 'Menu' }),
        page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }),
        page.getByRole('button', { name: 'Dark theme' }),
      ];
      for (const control of controls) {
        const box = await control.boundingBox();
        expect(box, String(control)).not.toBeNull();
        // Inside the header's one row, and at least 24 px square (WCAG 2.2 target size).
        expect(box!.y).toBeGreaterThanOrEqual(header!.y);
        expect(box!.y + box!.height).toBeLessThanOrEqual(header!.y + header!.height);
        expect(Math.min(box!.width, box!.height)).toBeGreaterThanOrEqual(24);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    } finally {
      await reader.context.close();
    }
  });

  it('opens its menu on a phone without JavaScript, marks the current section and closes on Escape', async () => {
    const reader = await openReaderContext(site, { viewport: PHONE, javaScriptEnabled: false });
    try {
      const { page } = reader;
      await page.goto(site.url('/tags/seo/'), { waitUntil: 'load' });
      const nav = page.getByRole('navigation', { name: 'Main' });
      const tags = nav.getByRole('link', { name: 'Tags' });
      expect(await tags.isVisible()).toBe(false);
      await page.getByRole('button', { name: 'Menu' }).click();
      expect(await nav.getByRole('link').allTextContents()).toEqual(expect.arrayContaining(['Archive', 'Tags', 'About']));
      expect(await tags.isVisible()).toBe(true);
      expect(await tags.getAttribute('aria-current')).toBe('true');
      await page.keyboard.press('Escape');
      expect(await tags.isVisible()).toBe(false);
      await page.getByRole('button', { name: 'Menu' }).click();
      await tags.click();
      await page.waitForURL(site.url('/tags/'));
      expect(await page.locator('h1').textContent()).toBe('Tags');
    } finally {
      await reader.context.close();
    }
  });

  it('shows every section in the row on a desktop, with the current page marked', async () => {
    const reader = await openReaderContext(site, { viewport: { width: 1366, height: 900 } });
    try {
      const { page } = reader;
      await page.goto(site.url('/archive/'), { waitUntil: 'load' });
      const nav = page.getByRole('navigation', { name: 'Main' });
      expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
      for (const name of ['Archive', 'Tags', 'About', 'Search']) expect(await nav.getByRole('link', { name }).isVisible(), name).toBe(true);
      expect(await nav.locator('[aria-current]').allTextContents()).toEqual(['Archive']);
    } finally {
      await reader.context.close();
    }
  });

  it('has a theme toggle whose look and aria-pressed state both change on each press', async () => {
    const reader = await openReaderContext(site, { colorScheme: 'light' });
    try {
      const { page } = reader;
      await page.goto(site.url('/'), { waitUntil: 'load' });
      const toggle = page.getByRole('button', { name: 'Dark theme' });
      const look = () => toggle.evaluate((button) => {
        const knob = button.querySelector('.knob')!;
        return `${getComputedStyle(knob).backgroundColor} ${knob.getBoundingClientRect().left - button.getBoundingClientRect().left > 20 ? 'right' : 'left'}`;
      });
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      const light = await look();
      expect(light).toMatch(/ left$/);
      await toggle.click();
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');
      await expect.poll(look).toMatch(/ right$/);
      expect(await look()).not.toBe(light);
      await toggle.click();
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      await expect.poll(look).toBe(light);
    } finally {
      await reader.context.close();
    }
  });
});
