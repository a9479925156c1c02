// What a build ships for comments, search and security when the owner has not set up giscus:
// no comments at all, one warning saying why, a search index of listed posts only, and a
// policy that allows every inline script by hash. And how the home page shows the one published
// post: a featured card with its cover, then again among the latest posts.
import { createHash } from 'node:crypto';
import type { Element } from 'domhandler';
import { findAll, getAttributeValue, textContent } from 'domutils';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHeadersFile } from '../../src/security/headers.ts';
import { siteConfig } from '../../src/site.config.ts';
import { buildFixture, post, type BuildResult } from '../helpers/fixture-site.ts';
import { parsePage } from '../helpers/html.ts';

async function fixturePosts(): Promise<Record<string, string | Buffer>> {
  const cover = await sharp({ create: { width: 1600, height: 840, channels: 3, background: '#2f6f7a' } }).png().toBuffer();
  return {
    'published/index.md': post({
      title: '"Published post"',
      pubDate: '2026-01-15',
      updatedDate: '2026-02-20',
      featured: 'true',
      tags: '["Testing", "Covers"]',
      hero: '\n  src: ./cover.png\n  alt: "A teal rectangle"',
    }),
    'published/cover.png': cover,
    'hidden.md': post({ title: '"Hidden post"', noindex: 'true', promo: 'false' }),
    'unfinished.md': post({ title: '"Unfinished post"', draft: 'true' }),
  };
}

// The owner's own pages, with text no other site has, to see it come through to the build.
const ownerPages = {
  'about.md': '---\ntitle: "About the fixture site"\ndescription: "Who writes the fixture site, as its own about.md says, for the build test of owner pages."\nupdatedDate: 2026-05-20\n---\n\nThe fixture site is written by a test, in **Markdown**.\n',
  'promo.md': '---\ntitle: "A word from the fixture site"\n---\n\nThe promo note of the fixture, with [a link to the archive](/archive/).\n',
};

describe('a build without giscus settings', () => {
  let build: BuildResult;
  let pages: { path: string; html: string }[];
  let headerPolicy: string;
  beforeAll(async () => {
    build = await buildFixture({ posts: await fixturePosts(), pages: ownerPages });
    expect(build.exitCode, build.output).toBe(0);
    pages = build
      .files()
      .filter((path) => path.endsWith('.html'))
      .map((path) => ({ path, html: build.read(path) }));
    headerPolicy = parseHeadersFile(build.read('_headers')).find((rule) => rule.path === '/*')?.headers['Content-Security-Policy'] ?? '';
  });
  afterAll(() => build.cleanup());

  it('warns exactly once, naming the missing giscus settings', () => {
    const warnings = build.output.split('\n').filter((line) => /WARN/.test(line) && /giscus/.test(line));
    expect(warnings).toHaveLength(1);
    for (const setting of ['giscus.repo', 'giscus.repoId', 'giscus.category', 'giscus.categoryId']) expect(warnings[0]).toContain(setting);
  });

  it('ships no comments markup, no comments script and no frame source', () => {
    for (const { path, html } of pages) {
      expect(html, path).not.toMatch(/giscus|data-giscus|Comments\.astro/i);
      expect(html, path).not.toContain('id="comments-title"');
    }
    expect(headerPolicy).not.toContain('frame-src');
  });

  it('leaves the giscus web component out of the built scripts', () => {
    const scripts = build.files().filter((file) => file.endsWith('.js') && !file.startsWith('pagefind/'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) expect(build.read(file), file).not.toMatch(/giscus/i);
  });

  it('gives every page the meta policy, which is the header policy minus frame-ancestors', () => {
    for (const { path, html } of pages) {
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
      expect(meta, path).toBe(headerPolicy.replace(/; frame-ancestors 'none'/, ''));
      // First in <head> after the charset, so it covers everything that follows.
      expect(html.indexOf('http-equiv="Content-Security-Policy"'), path).toBeLessThan(html.indexOf('<script'));
    }
  });

  it('allows each inline script by its hash, never with unsafe-inline, and has no inline styles', () => {
    expect(headerPolicy).not.toContain('unsafe-inline');
    for (const { path, html } of pages) {
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/ld\+json")[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
      expect(inline.length, path).toBeGreaterThan(0);
      for (const source of inline) {
        expect(headerPolicy, path).toContain(`'sha256-${createHash('sha256').update(source).digest('base64')}'`);
      }
      expect(html, path).not.toMatch(/<style[\s>]|\sstyle="/);
    }
  });

  it('caches hashed assets for a year and sends the other security headers everywhere', () => {
    const rules = parseHeadersFile(build.read('_headers'));
    expect(rules.find((rule) => rule.path === '/_astro/*')?.headers['Cache-Control']).toBe('public, max-age=31536000, immutable');
    const all = rules.find((rule) => rule.path === '/*')?.headers ?? {};
    expect(all['X-Content-Type-Options']).toBe('nosniff');
    expect(all['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(all['Strict-Transport-Security']).toMatch(/^max-age=\d{8,}/);
    expect(all['Permissions-Policy']).toContain('camera=()');
  });

  it('indexes for search only the published, indexable post', () => {
    const entry = JSON.parse(build.read('pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0)).toBe(1);
    const marked = pages.filter(({ html }) => html.includes('data-pagefind-body')).map(({ path }) => path);
    expect(marked).toEqual(['posts/published/index.html']);
    expect(build.exists('posts/hidden/index.html')).toBe(true);
  });

  it('ships Pagefind’s API without its unused ready-made UIs', () => {
    const bundle = build.files().filter((file) => file.startsWith('pagefind/') && !file.includes('/', 'pagefind/'.length));
    expect(bundle).toContain('pagefind/pagefind.js');
    expect(bundle.filter((file) => /pagefind-(?:ui|modular-ui|component-ui|highlight)\./.test(file))).toEqual([]);
  });

  it('builds the search page and links it from the header', () => {
    expect(build.read('search/index.html')).toContain('data-template="search"');
    expect(build.read('index.html')).toMatch(/<nav aria-label="Main"[\s\S]*href="\/search\/"/);
  });
  describe('owner pages: the About page and the promo note come from content/pages/', () => {
    const followLinks = (html: string) => html.match(/href="https:\/\/x\.com\/intent\/follow[^"]*"/g) ?? [];

    it('builds the About page from about.md through the posts’ Markdown pipeline, dated by its updatedDate', () => {
      const about = build.read('about/index.html');
      expect(about).toMatch(/<h1[^>]*>About the fixture site<\/h1>/);
      expect(about).toContain('<p>The fixture site is written by a test, in <strong>Markdown</strong>.</p>');
      expect(about).toContain('content="Who writes the fixture site, as its own about.md says, for the build test of owner pages."');
      expect(about).toContain('This page was last updated on <time datetime="2026-05-20T00:00:00+01:00">20 May 2026</time>');
      expect(build.read('sitemap-0.xml')).toMatch(/<loc>[^<]*\/about\/<\/loc><lastmod>2026-05-19T23:00:00\.000Z<\/lastmod>/);
    });

    it('ends a post with the promo note from promo.md, unless the post says promo: false', () => {
      const published = build.read('posts/published/index.html');
      expect(published).toMatch(/<h2 id="promo-note-title"[^>]*>A word from the fixture site<\/h2>/);
      expect(published).toMatch(/The promo note of the fixture, with <a href="\/archive\/">a link to the archive<\/a>\./);
      expect(build.read('posts/hidden/index.html')).not.toContain('promo-note-title');
    });

    it('ends every post with the author block, linking the About page', () => {
      for (const path of ['posts/published/index.html', 'posts/hidden/index.html']) {
        // Without Astro's scoping attributes, which say nothing to a reader.
        const block = /<aside class="author"[\s\S]*?<\/aside>/.exec(build.read(path).replace(/ data-astro-cid-\w+/g, ''))?.[0] ?? '';
        expect(block, path).toMatch(/<img class="avatar" src="\/avatar\.svg" alt="" width="64" height="64"/);
        expect(block, path).toContain(`>${siteConfig.author.name}</h2>`);
        expect(block, path).toContain(`<p>${siteConfig.author.bio}</p>`);
        expect(block, path).toMatch(/<a href="\/about\/">More about /);
      }
    });

    it('shows at most one follow button on any page', () => {
      for (const { path, html } of pages) expect(followLinks(html).length, path).toBeLessThanOrEqual(1);
      expect(followLinks(build.read('about/index.html'))).toHaveLength(1);
    });
  });
  describe('post cards on the home page', () => {
    const sections = () => parsePage(build.read('index.html')).all((el) => el.name === 'section');
    const within = (node: Element, name: string) => findAll((el) => el.name === name, node.children);
    const heading = (section: Element) => textContent(within(section, 'h2')[0]!);
    const cards = (section: Element) => within(section, 'article');
    const attr = (element: Element, name: string) => getAttributeValue(element, name);
    const loading = (node: Element) => within(node, 'img').map((image) => [attr(image, 'loading'), attr(image, 'fetchpriority')]);

    it('shows a Featured section above Latest posts, the featured card with a visible badge', () => {
      const [featured, latest, ...others] = sections();
      expect(others).toEqual([]);
      expect([heading(featured!), heading(latest!)]).toEqual(['Featured', 'Latest posts']);
      const badges = (card: Element) => within(card, 'p').filter((p) => textContent(p) === 'Featured');
      expect(cards(featured!).map((card) => [textContent(within(card, 'h3')[0]!).trim(), badges(card).length])).toEqual([['Published post', 1]]);
      expect(cards(latest!).map((card) => [textContent(within(card, 'h3')[0]!).trim(), badges(card).length])).toEqual([['Published post', 0]]);
    });

    it('gives a card its cover as AVIF and WebP in several widths, sized to the card', () => {
      const card = cards(sections()[1]!)[0]!;
      const sources = within(card, 'source');
      expect(sources.map((source) => attr(source, 'type'))).toEqual(['image/avif', 'image/webp']);
      for (const source of sources) {
        expect(attr(source, 'srcset')).toMatch(/ 400w, \S+ 720w$/);
        expect(attr(source, 'sizes')).toMatch(/100vw/);
      }
      const [image] = within(card, 'img');
      // Decorative here: the title beside it names the card.
      expect(attr(image!, 'alt')).toBe('');
      expect(Number(attr(image!, 'width')) / Number(attr(image!, 'height'))).toBeCloseTo(1600 / 840, 2);
    });

    it('loads only the first cover of a list page at once, with high priority (its likely LCP), and every other lazily', () => {
      const [featured, latest] = sections() as [Element, Element];
      expect(loading(featured)).toEqual([['eager', 'high']]);
      expect(loading(latest)).toEqual([['lazy', undefined]]);
      // A tag page's first card leads it as the featured card leads the home page.
      expect(loading(parsePage(build.read('tags/covers/index.html')).document as unknown as Element)).toEqual([['eager', 'high']]);
    });

    it('dates each card, says "Updated" with a machine-readable date, and links the post and its tags', () => {
      const card = cards(sections()[1]!)[0]!;
      expect(within(card, 'time').map((time) => [attr(time, 'datetime')?.slice(0, 10), textContent(time)])).toEqual([
        ['2026-01-15', '15 January 2026'],
        ['2026-02-20', '20 February 2026'],
      ]);
      expect(textContent(card).replace(/\s+/g, ' ')).toContain('Updated 20 February 2026');
      expect(textContent(card)).toContain('The fixture post “Published post”');
      expect(within(card, 'a').map((link) => attr(link, 'href'))).toEqual(['/posts/published/', '/tags/testing/', '/tags/covers/']);
    });
  });
});
