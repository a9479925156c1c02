import { describe, expect, it } from 'vitest';
import { page, POLICY, SITE, site, type SiteFiles, url } from '../../../tests/helpers/lint-site.ts';
import { loadSite } from '../lint/load-dist.ts';
import { diffSiteFacts } from './seo-diff.ts';
import { parseSiteFacts, SEO_FACTS_VERSION, siteFactsOf, type SiteFacts } from './seo-facts.ts';

const encoder = new TextEncoder();

function factsOf(files: SiteFiles): SiteFacts {
  const reader = {
    files: Object.keys(files),
    read: (file: string) => {
      const contents = files[file]!;
      return typeof contents === 'string' ? encoder.encode(contents) : contents;
    },
  };
  return siteFactsOf(loadSite(reader, POLICY));
}

const urlset = (entries: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries}</urlset>`;

describe('siteFactsOf', () => {
  const files = site(
    {
      '/posts/a/': page({ route: '/posts/a/', title: 'Fish & chips, properly', description: 'How to fry fish.' }),
      '/posts/hidden/': page({ route: '/posts/hidden/', noindex: true, omit: ['description'] }),
      '/posts/copy/': page({ route: '/posts/copy/', replace: { canonical: '<link rel="canonical" href="/posts/a/">', title: '<title>  </title>' } }),
      '/private/': page({ route: '/private/', omit: ['og:image', 'jsonld'] }),
    },
    {
      'sitemap-0.xml': urlset(
        `<url><loc>${url('/')}</loc></url><url><loc>${url('/posts/a/')}</loc><lastmod>2026-03-10T00:00:00.000Z</lastmod></url><url><loc>${url('/private/')}</loc></url>`,
      ),
      'robots.txt': `User-agent: *\nDisallow: /private/\n\nSitemap: ${SITE}sitemap-index.xml\n`,
      '404.html': page({ route: '/404/', template: 'not-found', noindex: true }),
    },
  );
  const facts = factsOf(files);
  const byUrl = new Map(facts.pages.map((each) => [each.url, each]));

  it('lists every page but the 404 page, by URL, under the current version', () => {
    expect(facts.version).toBe(SEO_FACTS_VERSION);
    expect(facts.pages.map((each) => each.url)).toEqual(['/', '/posts/a/', '/posts/copy/', '/posts/hidden/', '/private/'].map((route) => url(route as '/')));
  });

  it('keeps what a search result shows of a page, and its place in the sitemap', () => {
    expect(byUrl.get(url('/posts/a/'))).toEqual({
      url: url('/posts/a/'),
      template: 'post',
      title: 'Fish & chips, properly',
      description: 'How to fry fish.',
      canonical: url('/posts/a/'),
      indexable: true,
      notIndexed: [],
      robots: [],
      ogImage: `${SITE}og/card.png`,
      jsonLdTypes: ['BlogPosting', 'Organization', 'WebSite'],
      inSitemap: true,
      lastmod: '2026-03-10T00:00:00.000Z',
    });
  });

  it.each([
    { route: '/posts/a/', indexable: true, notIndexed: [] },
    { route: '/posts/hidden/', indexable: false, notIndexed: ['noindex'] },
    { route: '/posts/copy/', indexable: false, notIndexed: ['canonical-elsewhere'] },
    { route: '/private/', indexable: false, notIndexed: ['robots-txt'] },
  ])('says whether $route can be indexed, and why not: $notIndexed', ({ route, indexable, notIndexed }) => {
    const facts = byUrl.get(url(route as '/'))!;
    expect({ indexable: facts.indexable, notIndexed: facts.notIndexed }).toEqual({ indexable, notIndexed });
  });

  it('makes a relative canonical absolute and counts a blank title as none', () => {
    const copy = byUrl.get(url('/posts/copy/'))!;
    expect(copy.canonical).toBe(url('/posts/a/'));
    expect(copy).not.toHaveProperty('title');
  });

  it('leaves out what a page does not have', () => {
    const hidden = byUrl.get(url('/posts/hidden/'))!;
    expect(hidden.robots).toEqual(['noindex', 'follow']);
    expect(hidden).not.toHaveProperty('description');
    expect({ inSitemap: hidden.inSitemap, lastmod: hidden.lastmod }).toEqual({ inSitemap: false, lastmod: undefined });
    const blocked = byUrl.get(url('/private/'))!;
    expect({ ogImage: blocked.ogImage, jsonLdTypes: blocked.jsonLdTypes, inSitemap: blocked.inSitemap }).toEqual({ ogImage: undefined, jsonLdTypes: [], inSitemap: true });
  });

  it('comes back the same from JSON, so it can be stored between builds', () => {
    const stored = JSON.parse(JSON.stringify(facts)) as unknown;
    expect(stored).toEqual(facts);
    expect(parseSiteFacts(stored)).toEqual(facts);
  });
});

describe('parseSiteFacts', () => {
  it.each([
    { what: 'a snapshot from another version', data: { version: SEO_FACTS_VERSION + 1, pages: [] } },
    { what: 'a snapshot without a version', data: { pages: [] } },
    { what: 'a page without a URL', data: { version: SEO_FACTS_VERSION, pages: [{ indexable: true }] } },
    { what: 'something else', data: 'not a snapshot' },
    { what: 'nothing', data: null },
  ])('reads $what as no previous build', ({ data }) => {
    expect(parseSiteFacts(data)).toBeUndefined();
  });

  it('reads a snapshot of a site with no pages', () => {
    expect(parseSiteFacts({ version: SEO_FACTS_VERSION, pages: [] })).toEqual({ version: SEO_FACTS_VERSION, pages: [] });
  });
});

describe('two builds of a small site', () => {
  it('flag first the post turned noindex and the post whose canonical moved', () => {
    const before = factsOf(
      site({
        '/posts/a/': page({ route: '/posts/a/', title: 'Frying fish' }),
        '/posts/b/': page({ route: '/posts/b/', title: 'Batter' }),
        '/posts/c/': page({ route: '/posts/c/', title: 'Chips' }),
      }),
    );
    const after = factsOf(
      site({
        '/posts/a/': page({ route: '/posts/a/', title: 'Frying fish at home' }),
        '/posts/b/': page({ route: '/posts/b/', title: 'Batter', noindex: true }),
        '/posts/c/': page({ route: '/posts/c/', title: 'Chips', replace: { canonical: '<link rel="canonical" href="https://elsewhere.example/chips/">' } }),
      }),
    );
    const changes = diffSiteFacts(before, after).map((change) => [change.severity, change.kind, change.url]);
    expect(changes).toEqual([
      ['risk', 'robots', url('/posts/b/')],
      ['risk', 'canonical', url('/posts/c/')],
      ['notable', 'title', url('/posts/a/')],
    ]);
  });
});
