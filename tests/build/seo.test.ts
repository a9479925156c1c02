// Every built page carries complete, single, absolute metadata; hostile titles stay intact
// and harmless; the sitemap, robots.txt and feed agree with the pages.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { textContent } from 'domutils';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayPath } from '../../src/lib/files.ts';
import { readImageSize } from '../../src/lib/image-size.ts';
import type { LintReport } from '../../src/seo/lint/report.ts';
import { distFileCandidates } from '../../src/seo/urls.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { buildFixture, post, PROJECT_ROOT, runFixtureBuild, type BuildResult } from '../helpers/fixture-site.ts';
import { parsePage } from '../helpers/html.ts';

const SITE = 'https://urban-haze.example/';
const SITE_NAME = 'Urban Haze';
const HOSTILE = {
  script: '</script><script>alert(1)</script><!--',
  quotes: 'Quotes "double" & \'single\' &amp; literal',
  html: '<em>x</em> in a title',
  unicode: 'Emoji 🚀 and RTL עברית with a\u2028line separator',
  long: `A very long title ${'that keeps on going and going '.repeat(10)}`.trim().slice(0, 300),
};
const HOSTILE_SLUGS: Record<keyof typeof HOSTILE, string> = { script: 'script-title', quotes: 'quotes', html: 'html-title', unicode: 'unicode', long: 'long' };
const yaml = (text: string) => JSON.stringify(text);

async function fixturePosts(): Promise<Record<string, string | Buffer>> {
  const hero = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#336699' } }).png().toBuffer();
  return {
    'plain.md': post({ title: '"Plain post"', tags: '["SEO"]', pubDate: '2026-03-10', updatedDate: '2026-04-02' }),
    'hidden.md': post({ title: '"Hidden post"', noindex: 'true', tags: '["SEO"]' }),
    'cross-posted.md': post({ title: '"Cross-posted post"', canonical: 'https://elsewhere.example/original/' }),
    'with-hero/index.md': post({ title: '"Post with a hero"', hero: '\n  src: ./hero.png\n  alt: "A blue rectangle"' }),
    'with-hero/hero.png': hero,
    'script-title.md': post({ title: yaml(HOSTILE.script), pubDate: '2026-02-01' }),
    'quotes.md': post({ title: yaml(HOSTILE.quotes), pubDate: '2026-02-02' }),
    'html-title.md': post({ title: yaml(HOSTILE.html), pubDate: '2026-02-03' }),
    'unicode.md': post({ title: yaml(HOSTILE.unicode), pubDate: '2026-02-04' }),
    'long.md': post({ title: yaml(HOSTILE.long), pubDate: '2026-02-05' }),
    'cafe\u0301.md': post({ title: '"Café in NFD"', pubDate: '2026-02-06' }),
    '日本語.md': post({ title: '"Japanese slug"', pubDate: '2026-02-07' }),
  };
}

describe('SEO metadata of a built site', () => {
  let build: BuildResult;
  const htmlPages = () => build.files().filter((path) => path.endsWith('.html'));
  const page = (path: string) => parsePage(build.read(path));
  const postPath = (slug: string) => `posts/${slug}/index.html`;
  const sitemapUrls = () => {
    const xml = build.read('sitemap-0.xml');
    const parsed = new XMLParser().parse(xml) as { urlset: { url: { loc: string; lastmod?: string }[] | { loc: string } } };
    return [parsed.urlset.url].flat() as { loc: string; lastmod?: string }[];
  };
  const feedItems = () => {
    const parsed = new XMLParser().parse(build.read('rss.xml')) as { rss: { channel: { item: { title: string; link: string }[] } } };
    return parsed.rss.channel.item;
  };

  beforeAll(async () => {
    build = await buildFixture({ posts: await fixturePosts(), env: { BUILD_DATE: '2026-06-01' } });
    expect(build.exitCode, build.output).toBe(0);
  });
  afterAll(() => build.cleanup());

  it('gives every page exactly one title, description, canonical, og:title, og:type, og:url, og:image and twitter:card', () => {
    for (const path of htmlPages()) {
      const html = page(path);
      const counts = {
        title: html.title().length,
        description: html.metaByName('description').length,
        canonical: html.links('canonical').length,
        ogTitle: html.metaByProperty('og:title').length,
        ogType: html.metaByProperty('og:type').length,
        ogUrl: html.metaByProperty('og:url').length,
        ogImage: html.metaByProperty('og:image').length,
        twitterCard: html.metaByName('twitter:card').length,
        jsonLd: html.jsonLd().length,
      };
      expect(counts, path).toEqual({ title: 1, description: 1, canonical: 1, ogTitle: 1, ogType: 1, ogUrl: 1, ogImage: 1, twitterCard: 1, jsonLd: 1 });
    }
  });

  it('uses absolute URLs on the configured site, never localhost, with canonical equal to og:url', () => {
    for (const path of htmlPages()) {
      const html = page(path);
      const canonical = html.links('canonical')[0]!;
      expect(html.metaByProperty('og:url'), path).toEqual([canonical]);
      if (path !== postPath('cross-posted')) expect(canonical.startsWith(SITE), `${path}: ${canonical}`).toBe(true);
      for (const url of [html.metaByProperty('og:image')[0]!, ...html.links('alternate'), ...html.links('sitemap')]) {
        expect(url.startsWith(SITE), `${path}: ${url}`).toBe(true);
      }
      expect(build.read(path), path).not.toMatch(/localhost|127\.0\.0\.1/);
    }
  });

  it('points og:image at an existing image of the declared size, at least 1200×630', () => {
    for (const path of htmlPages()) {
      const html = page(path);
      const image = new URL(html.metaByProperty('og:image')[0]!);
      const file = join(build.dist, decodeURIComponent(image.pathname));
      const drawn = readImageSize(readFileSync(file));
      const size = { width: drawn?.width ?? 0, height: drawn?.height ?? 0 };
      expect(size, path).toEqual({ width: Number(html.metaByProperty('og:image:width')[0]), height: Number(html.metaByProperty('og:image:height')[0]) });
      expect(size.width).toBeGreaterThanOrEqual(1200);
      expect(size.height).toBeGreaterThanOrEqual(630);
      expect(html.metaByProperty('og:image:alt')[0], path).not.toBe('');
    }
  });

  it('draws a post’s card on its raster hero, cropped to 1200×630: the photo above, the title panel below', async () => {
    const image = page(postPath('with-hero')).metaByProperty('og:image')[0]!;
    expect(image).toMatch(/^https:\/\/urban-haze\.example\/og\/covers\/_astro\/hero\.[^/]+\.jpe?g$/);
    expect(page(postPath('with-hero')).metaByProperty('og:image:type')).toEqual(['image/jpeg']);
    expect(page(postPath('with-hero')).metaByProperty('og:image:alt')).toEqual(['A blue rectangle, under the title “Post with a hero” (Urban Haze)']);
    const card = readFileSync(join(build.dist, new URL(image).pathname));
    const at = async (top: number) => [...(await sharp(card).extract({ left: 600, top, width: 1, height: 1 }).raw().toBuffer())];
    // The hero is a flat #336699 (51, 102, 153); the panel is the cover token's dark grey.
    expect((await at(40)).map((value, index) => Math.abs(value - [51, 102, 153][index]!) <= 8)).toEqual([true, true, true]);
    expect((await at(625)).every((value) => value < 40)).toBe(true);
  });

  it('describes posts with a BlogPosting whose dates match the dates shown on the page', () => {
    const html = page(postPath('plain'));
    const graph = (html.jsonLd()[0] as { '@graph': Record<string, unknown>[] })['@graph'];
    const posting = graph.find((node) => node['@type'] === 'BlogPosting')!;
    const shown = (role: string) => html.all((el) => el.name === 'time' && el.attribs['data-date'] === role).map((el) => el.attribs['datetime']);
    expect(shown('published')).toEqual([posting['datePublished']]);
    expect(shown('modified')).toEqual([posting['dateModified']]);
    expect(posting).toMatchObject({ headline: 'Plain post', datePublished: '2026-03-10T00:00:00+00:00', dateModified: '2026-04-02T00:00:00+01:00' });
    expect(html.metaByProperty('article:modified_time')).toEqual(['2026-04-02T00:00:00+01:00']);
  });

  describe('hostile titles', () => {
    it.each(Object.entries(HOSTILE))('keeps the %s title decoded-equal in <title>, og:title, JSON-LD and the feed', (name, title) => {
      const slug = HOSTILE_SLUGS[name as keyof typeof HOSTILE];
      const html = page(postPath(slug));
      expect(html.title()).toEqual([`${title} · ${SITE_NAME}`]);
      expect(html.metaByProperty('og:title')).toEqual([title]);
      const graph = (html.jsonLd()[0] as { '@graph': Record<string, unknown>[] })['@graph'];
      expect(graph.find((node) => node['@type'] === 'BlogPosting')?.['headline']).toBe(title);
      expect(feedItems().filter((item) => item.title === title)).toHaveLength(1);
    });

    it('shows each title as text in the post’s h1 and its archive entry, never as markup', () => {
      const archive = page('archive/index.html');
      for (const [name, slug] of Object.entries(HOSTILE_SLUGS)) {
        const title = HOSTILE[name as keyof typeof HOSTILE];
        expect(page(postPath(slug)).all((el) => el.name === 'h1').map((el) => textContent(el)), slug).toEqual([title]);
        const entries = archive.all((el) => el.name === 'a' && el.attribs['href'] === `/posts/${slug}/`).map((el) => textContent(el));
        expect(entries, slug).toEqual([title]);
      }
      // <em>x</em> stays the text "<em>x</em>": no element is made of it, on its page or in a list.
      for (const html of [page(postPath('html-title')), archive]) expect(html.all((el) => el.name === 'em')).toEqual([]);
    });

    it('warns in the SEO lint about the 300-character title, naming the post’s file and line', () => {
      const report = JSON.parse(readFileSync(join(build.directory, 'reports/seo-lint.json'), 'utf8')) as LintReport;
      const source = `${displayPath(join(build.directory, 'content/posts/long.md'), PROJECT_ROOT)}:2`;
      const findings = report.findings.filter((finding) => finding.page === `${SITE}posts/long/` && finding.rule === 'title-width');
      expect(findings.map(({ level, source: where }) => ({ level, source: where }))).toEqual([{ level: 'warn', source }]);
      const file = source.replace(/:2$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect(build.output).toMatch(new RegExp(`/posts/long/  \\(${file}\\)\n +warn +title-width +The title is \\d+px wide`));
    });

    it('cannot break out of the JSON-LD script: the page has as many <script> elements as a plain post', () => {
      const raw = build.read(postPath('script-title'));
      const jsonText = raw.match(/<script type="application\/ld\+json">([^]*?)<\/script>/)![1]!;
      expect(jsonText).not.toMatch(/[<>]/);
      expect(page(postPath('script-title')).scripts().length).toBe(page(postPath('plain')).scripts().length);
    });

    it('runs no injected script in a real browser', async () => {
      const browser = await launchBrowser();
      try {
        const browserPage = await browser.newPage();
        const dialogs: string[] = [];
        browserPage.on('dialog', async (dialog) => {
          dialogs.push(dialog.message());
          await dialog.dismiss();
        });
        await browserPage.setContent(build.read(postPath('script-title')), { waitUntil: 'load' });
        expect(await browserPage.title()).toBe(`${HOSTILE.script} · ${SITE_NAME}`);
        expect(dialogs).toEqual([]);
      } finally {
        await browser.close();
      }
    });

    it('keeps the feed and the sitemap well-formed XML', () => {
      for (const file of ['rss.xml', 'sitemap-0.xml', 'sitemap-index.xml']) {
        expect(() => SyntaxValidator.validate(build.read(file)), file).not.toThrow();
      }
    });
  });

  it('gives a Unicode slug one percent-encoded URL in canonical, og:url, the sitemap and the feed', () => {
    for (const [file, url] of [
      ['posts/café/index.html', `${SITE}posts/caf%C3%A9/`],
      ['posts/日本語/index.html', `${SITE}posts/%E6%97%A5%E6%9C%AC%E8%AA%9E/`],
    ] as const) {
      expect(build.exists(file), file).toBe(true);
      expect(page(file).links('canonical')).toEqual([url]);
      expect(sitemapUrls().map((entry) => entry.loc)).toContain(url);
      expect(feedItems().map((item) => item.link)).toContain(url);
    }
  });

  it('lists in the sitemap exactly the indexable pages, each existing in dist/, dated by content', () => {
    const entries = sitemapUrls();
    for (const { loc } of entries) {
      const files = distFileCandidates(loc, SITE).filter((file) => build.exists(file));
      expect(files, loc).toHaveLength(1);
      expect(page(files[0]!).metaByName('robots'), loc).toEqual([]);
    }
    const locs = entries.map((entry) => entry.loc);
    expect(locs).toContain(SITE);
    expect(locs).not.toContain(`${SITE}posts/hidden/`);
    expect(locs).not.toContain(`${SITE}posts/cross-posted/`);
    expect(locs.some((loc) => loc.includes('404') || loc.includes('/page/'))).toBe(false);
    expect(entries.find((entry) => entry.loc === `${SITE}posts/plain/`)?.lastmod).toBe(new Date('2026-04-02T00:00:00+01:00').toISOString());
    const indexable = htmlPages().filter((path) => page(path).metaByName('robots').length === 0 && path !== postPath('cross-posted'));
    expect(locs.length).toBe(indexable.length);
  });

  it('dates every sitemap URL by its content: list and tag pages by their newest post, About by its text', () => {
    const lastmod = Object.fromEntries(sitemapUrls().map((entry) => [entry.loc.slice(SITE.length) || '/', entry.lastmod]));
    expect(Object.entries(lastmod).filter(([, date]) => date === undefined)).toEqual([]);
    const iso = (date: string) => new Date(date).toISOString();
    expect(lastmod).toMatchObject({
      // The newest change among the listed posts: "Plain post", published 10 March and updated 2 April.
      '/': iso('2026-04-02T00:00:00+01:00'),
      'archive/': iso('2026-04-02T00:00:00+01:00'),
      'tags/': iso('2026-04-02T00:00:00+01:00'),
      'tags/seo/': iso('2026-04-02T00:00:00+01:00'),
      // Its newest post is "Japanese slug", published 7 February; the posts from March on are not tagged Testing.
      'tags/testing/': iso('2026-02-07T00:00:00+00:00'),
      'posts/plain/': iso('2026-04-02T00:00:00+01:00'),
      // The updatedDate of the About page's text (content/pages/about.md), never the build date.
      'about/': iso('2026-11-29T00:00:00+00:00'),
    });
    // A later list page is not in the sitemap, but still states its date: the newest change in the list
    // (Plain post's update, 2 April), which put that post at the top and shifted the posts after it.
    expect(page('page/2/index.html').metaByProperty('og:updated_time')).toEqual(['2026-04-02T00:00:00+01:00']);
  });

  it('keeps a noindex post out of search, lists, tags and the feed, while still building its page', () => {
    expect(page(postPath('hidden')).metaByName('robots')).toEqual(['noindex, follow']);
    for (const path of ['index.html', 'archive/index.html', 'tags/seo/index.html', 'rss.xml', 'sitemap-0.xml']) {
      expect(build.read(path), path).not.toContain('/posts/hidden/');
    }
  });

  it('marks the 404 page and later list pages noindex', () => {
    expect(page('404.html').metaByName('robots')).toEqual(['noindex, follow']);
    expect(page('page/2/index.html').metaByName('robots')).toEqual(['noindex, follow']);
    expect(page('index.html').metaByName('robots')).toEqual([]);
  });

  it('writes robots.txt with an absolute sitemap line and nothing disallowed', () => {
    expect(build.read('robots.txt')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE}sitemap-index.xml\n`);
  });

  it('links feed items to the same canonical URLs as the pages', () => {
    for (const item of feedItems()) {
      const slug = decodeURIComponent(new URL(item.link).pathname).replace(/^\/posts\/|\/$/g, '');
      const canonical = page(postPath(slug)).links('canonical')[0]!;
      expect(item.link === canonical || slug === 'cross-posted', item.link).toBe(true);
    }
  });

  it('draws no OG image and rebuilds no search index again when nothing changed', async () => {
    expect(build.output).toMatch(/og-images\] \d+ cards: \d+ rendered/);
    const indexFiles = () => build.files().filter((file) => file.startsWith('pagefind/')).sort();
    const firstIndex = indexFiles();
    expect(firstIndex).toContain('pagefind/pagefind.js');
    const again = await runFixtureBuild(build.directory, { BUILD_DATE: '2026-06-01' });
    expect(again.exitCode, again.output).toBe(0);
    expect(again.output).toMatch(/og-images\] (\d+) cards: 0 rendered, \1 from cache/);
    expect(again.output).toMatch(/indexed \d+ posts? into pagefind\/ in [\d.]+s \(posts unchanged: index reused from the cache\)/);
    expect(indexFiles()).toEqual(firstIndex);

    // A changed post is indexed afresh.
    const edited = join(build.directory, 'content/posts/plain.md');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('A short paragraph', 'A freshly edited paragraph'));
    const changed = await runFixtureBuild(build.directory, { BUILD_DATE: '2026-06-01' });
    expect(changed.exitCode, changed.output).toBe(0);
    expect(changed.output).toMatch(/indexed \d+ posts? into pagefind\/ in [\d.]+s\n/);
  });
});

describe('a preview build', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await buildFixture({ posts: { 'plain.md': post({ title: '"Plain post"' }) }, env: { SITE_PREVIEW: '1' } });
    expect(build.exitCode, build.output).toBe(0);
  });
  afterAll(() => build.cleanup());

  it('marks every page noindex and disallows all crawling', () => {
    for (const path of build.files().filter((file) => file.endsWith('.html'))) {
      expect(parsePage(build.read(path)).metaByName('robots'), path).toEqual(['noindex, nofollow']);
    }
    expect(build.read('robots.txt')).toBe('User-agent: *\nDisallow: /\n');
    expect(build.exists('sitemap-index.xml')).toBe(false);
    expect(parsePage(build.read('index.html')).links('sitemap')).toEqual([]);
  });
});
