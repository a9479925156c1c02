// A post page in headless Chromium: giscus costs nothing until the reader nears the thread,
// follows the site theme, and X is a plain link that loads nothing.
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReaderContext, startSharedReaderSite, TEST_GISCUS, type ReaderContext, type ReaderSite } from '../helpers/reader-site.ts';

const POST_ID = 'windows-firewall-blocked-netsession-win-exe';
const POST = `/posts/${POST_ID}/`;
const isGiscusApp = (url: string) => new URL(url).origin === 'https://giscus.app';
const isX = (url: string) => /(^|\.)(x|twitter)\.com$|(^|\.)twimg\.com$/.test(new URL(url).hostname);

async function received(frame: Frame): Promise<unknown[]> {
  return frame.evaluate(() => (window as unknown as { received: unknown[] }).received);
}

const themeConfig = (theme: string) => ({ giscus: { setConfig: expect.objectContaining({ theme }) } });

describe('a post page in a real browser', () => {
  let site: ReaderSite;
  const contexts: ReaderContext[] = [];
  beforeAll(async () => {
    site = await startSharedReaderSite();
  });
  afterAll(async () => {
    await Promise.all(contexts.map((each) => each.context.close()));
    await site?.close();
  });

  async function open(options: Parameters<typeof openReaderContext>[1] = {}): Promise<ReaderContext> {
    const reader = await openReaderContext(site, { colorScheme: 'light', ...options });
    contexts.push(reader);
    await reader.page.goto(site.url(POST), { waitUntil: 'networkidle' });
    return reader;
  }

  async function scrollToComments(reader: ReaderContext): Promise<Frame> {
    await reader.page.locator('#comments-title').scrollIntoViewIfNeeded();
    await expect.poll(() => reader.giscusFrame()?.url() ?? '').toMatch(/^https:\/\/giscus\.app\//);
    return reader.giscusFrame()!;
  }

  describe('giscus comments', () => {
    it('requests nothing from giscus, and loads none of its code, until the reader scrolls near the thread', async () => {
      const reader = await open();
      expect(reader.requests.filter(isGiscusApp)).toEqual([]);
      expect(reader.requests.filter((url) => /giscus|lit/i.test(new URL(url).pathname))).toEqual([]);
      expect(await reader.page.evaluate(() => customElements.get('giscus-widget') === undefined)).toBe(true);
      expect(await reader.page.locator('iframe').count()).toBe(0);

      await scrollToComments(reader);
      expect(await reader.page.evaluate(() => customElements.get('giscus-widget') !== undefined)).toBe(true);
    });

    it('loads a frame keyed to the post: configured repository and category, the post id as strict term, the current theme', async () => {
      const reader = await open();
      const frame = await scrollToComments(reader);
      const params = new URL(frame.url()).searchParams;
      expect({
        repo: params.get('repo'),
        repoId: params.get('repoId'),
        category: params.get('category'),
        categoryId: params.get('categoryId'),
        term: params.get('term'),
        strict: params.get('strict'),
        theme: params.get('theme'),
      }).toEqual({ ...TEST_GISCUS, term: POST_ID, strict: '1', theme: 'light' });
      expect(await reader.page.locator('giscus-widget iframe').getAttribute('title')).toBe('Comments');
    });

    it('starts in dark when the reader chose dark before scrolling', async () => {
      const reader = await open();
      await reader.page.getByRole('button', { name: 'Dark theme' }).click();
      const frame = await scrollToComments(reader);
      expect(new URL(frame.url()).searchParams.get('theme')).toBe('dark');
    });

    it('follows the theme toggle with a setConfig message to giscus.app, without reloading the frame', async () => {
      const reader = await open();
      const frame = await scrollToComments(reader);
      const loadedUrl = frame.url();
      await expect.poll(() => frame.evaluate(() => (window as unknown as { listening: boolean }).listening)).toBe(true);
      const toggle = reader.page.getByRole('button', { name: 'Dark theme' });

      await toggle.click();
      await expect.poll(() => received(frame)).toContainEqual(themeConfig('dark'));
      await toggle.click();
      await expect.poll(async () => (await received(frame)).at(-1)).toEqual(themeConfig('light'));
      expect(frame.url()).toBe(loadedUrl);
      expect(reader.requests.filter(isGiscusApp)).toHaveLength(1);
    });

    it.each([
      { when: 'giscus listens as soon as its frame loads', listenAfterMs: 0 },
      { when: 'giscus starts listening only some time after its frame loads', listenAfterMs: 400 },
    ])('keeps a toggle made while the frame is still loading ($when)', async ({ listenAfterMs }) => {
      let release!: () => void;
      const reader = await open({ giscus: { listenAfterMs, release: new Promise<void>((resolve) => (release = resolve)) } });
      const frameRequested = reader.page.waitForRequest((request) => isGiscusApp(request.url()));
      await reader.page.locator('#comments-title').scrollIntoViewIfNeeded();
      expect(new URL((await frameRequested).url()).searchParams.get('theme')).toBe('light');

      await reader.page.getByRole('button', { name: 'Dark theme' }).click();
      release();

      await expect.poll(() => reader.giscusFrame()?.url() ?? '').toMatch(/^https:\/\/giscus\.app\//);
      const frame = reader.giscusFrame()!;
      await expect.poll(async () => (await received(frame)).at(-1)).toEqual(themeConfig('dark'));
    });

    it('acts only on messages from giscus.app', async () => {
      const reader = await open();
      await scrollToComments(reader);
      const iframe = reader.page.locator('giscus-widget iframe');
      // The stub's greeting (from https://giscus.app) sizes the frame.
      await expect.poll(() => iframe.evaluate((element: HTMLElement) => element.style.height)).toBe('321px');

      await reader.page.evaluate(() => window.postMessage({ giscus: { resizeHeight: 4000 } }, '*'));
      await reader.page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
      expect(await iframe.evaluate((element: HTMLElement) => element.style.height)).toBe('321px');
    });

    it('links to the discussion on GitHub for readers without JavaScript, and loads nothing from giscus for them', async () => {
      const reader = await open({ javaScriptEnabled: false });
      const link = reader.page.getByRole('link', { name: 'read or join this discussion on GitHub' });
      await expect.poll(() => link.isVisible()).toBe(true);
      const href = new URL((await link.getAttribute('href')) ?? '');
      expect(`${href.origin}${href.pathname}`).toBe(`https://github.com/${TEST_GISCUS.repo}/discussions`);
      expect(href.searchParams.get('discussions_q')).toContain(POST_ID);

      await reader.page.locator('#comments-title').scrollIntoViewIfNeeded();
      await reader.networkQuiet();
      expect(reader.requests.filter(isGiscusApp)).toEqual([]);
    });
  });

  describe('the X follow button', () => {
    it('is one plain link to the follow intent with an accessible name, in the footer', async () => {
      const reader = await open();
      const links = reader.page.getByRole('link', { name: 'Follow @urbanhaze on X (opens in a new tab)', exact: true });
      expect(await links.count()).toBe(1);
      expect(await reader.page.locator('footer').getByRole('link', { name: /^Follow @urbanhaze on X/ }).count()).toBe(1);
      for (const link of await links.all()) {
        expect(await link.getAttribute('href')).toBe('https://x.com/intent/follow?screen_name=urbanhaze');
      }
    });

    it('makes no request to X, Twitter or any other third party while the page loads and is read to the end', async () => {
      const reader = await open();
      await reader.page.locator('footer').scrollIntoViewIfNeeded();
      await reader.networkQuiet();
      expect(reader.requests.filter(isX)).toEqual([]);
      expect(reader.blocked).toEqual([]);
      const thirdParty = reader.requests.filter((url) => !url.startsWith(site.server.url) && !isGiscusApp(url));
      expect(thirdParty).toEqual([]);
      expect(await reader.context.cookies()).toEqual([]);
    });
  });
});
