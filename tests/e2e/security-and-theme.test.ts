// Every page template served with the shipped `_headers` policy as real HTTP headers, in headless
// Chromium: nothing is refused and nothing logs an error. And the theme choice sticks, from the
// first frame.
import type { ConsoleMessage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReaderContext, startReaderSite, type ReaderContext, type ReaderSite } from '../helpers/reader-site.ts';
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
  site = await startReaderSite({ withProjectContent: true });
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
