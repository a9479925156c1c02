// One URL per page under every trailingSlash × build.format combination: canonical, og:url,
// sitemap <loc>, feed link and every internal link agree, and each resolves to a built file
// without a redirect.
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { distFileCandidates } from '../../src/seo/urls.ts';
import { buildFixture, post, type BuildResult } from '../helpers/fixture-site.ts';
import { parsePage } from '../helpers/html.ts';

const SITE = 'https://urban-haze.example/';
const posts = {
  'first.md': post({ title: '"First post"', tags: '["Alpha", "Beta"]', pubDate: '2026-01-01' }),
  'second.md': post({ title: '"Second post"', tags: '["Alpha"]', pubDate: '2026-01-02' }),
  'third.md': post({ title: '"Third post"', tags: '["Alpha"]', pubDate: '2026-01-03' }),
};

const matrix = (['always', 'ignore', 'never'] as const).flatMap((trailingSlash) =>
  (['directory', 'file'] as const).map((buildFormat) => ({ trailingSlash, buildFormat })),
);

describe.each(matrix)('trailingSlash "$trailingSlash" with build.format "$buildFormat"', ({ trailingSlash, buildFormat }) => {
  let build: BuildResult;
  const builds: BuildResult[] = [];
  afterAll(() => builds.forEach((each) => each.cleanup()));

  /** The one built file a URL on the site is served from, as a static host serves it. */
  const fileFor = (url: string) => distFileCandidates(url, SITE).find((file) => build.exists(file));

  it('builds', async () => {
    build = await buildFixture({
      posts,
      env: { SITE_CONFIG_OVERRIDES: JSON.stringify({ trailingSlash, buildFormat, postsPerPage: 1 }) },
    });
    builds.push(build);
    expect(build.exitCode, build.output).toBe(0);
  });

  it('gives each page one canonical URL, equal to og:url, that serves this very file', () => {
    const pages = build.files().filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(8);
    for (const file of pages) {
      const html = parsePage(build.read(file));
      const canonical = html.links('canonical')[0]!;
      expect(html.metaByProperty('og:url'), file).toEqual([canonical]);
      expect(fileFor(canonical), `${file} → ${canonical}`).toBe(file);
    }
  });

  it('links internally only to canonical URLs, including the home page and the feed', () => {
    const canonicalOf = new Map<string, string>();
    for (const file of build.files().filter((path) => path.endsWith('.html'))) {
      canonicalOf.set(file, parsePage(build.read(file)).links('canonical')[0]!);
    }
    const checked = new Set<string>();
    for (const file of canonicalOf.keys()) {
      const html = parsePage(build.read(file));
      for (const href of [...html.anchors(), ...html.links('alternate')]) {
        const url = new URL(href, canonicalOf.get(file));
        if (url.origin !== new URL(SITE).origin) continue;
        url.hash = '';
        const target = fileFor(url.href);
        expect(target, `${file} links to ${url.href}`).toBeDefined();
        if (target?.endsWith('.html')) expect(url.href, `${file} links to ${target}`).toBe(canonicalOf.get(target));
        checked.add(url.pathname);
      }
    }
    expect(checked).toContain('/');
    expect(checked).toContain('/rss.xml');
  });

  it('lists canonical URLs in the sitemap and the feed', () => {
    const parser = new XMLParser();
    const sitemap = parser.parse(build.read('sitemap-0.xml')) as { urlset: { url: { loc: string }[] } };
    const locs = [sitemap.urlset.url].flat().map((entry) => entry.loc);
    expect(locs).toContain(SITE);
    for (const loc of locs) {
      const file = fileFor(loc);
      expect(file, loc).toBeDefined();
      expect(parsePage(build.read(file!)).links('canonical'), loc).toEqual([loc]);
    }
    const feed = parser.parse(build.read('rss.xml')) as { rss: { channel: { link: string; item: { link: string }[] } } };
    expect(feed.rss.channel.link).toBe(SITE);
    for (const { link } of feed.rss.channel.item) {
      expect(parsePage(build.read(fileFor(link)!)).links('canonical'), link).toEqual([link]);
    }
  });
});
