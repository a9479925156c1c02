import { describe, expect, it } from 'vitest';
import { diffSiteFacts, type SeoChange } from './seo-diff.ts';
import { SEO_FACTS_VERSION, type PageSeoFacts, type SiteFacts } from './seo-facts.ts';

const SITE = 'https://blog.example/';
const A = `${SITE}posts/a/`;

type Overrides = { [K in keyof PageSeoFacts]?: PageSeoFacts[K] | undefined };

/** An indexable post as the snapshot holds it; `undefined` in the overrides removes a field. */
function page(overrides: Overrides = {}, url = A): PageSeoFacts {
  const facts = {
    url,
    template: 'post',
    title: `Frying fish (${url.slice(SITE.length)})`,
    description: `How to fry fish at home, from ${url.slice(SITE.length)}.`,
    canonical: url,
    indexable: true,
    notIndexed: [],
    robots: [],
    ogImage: `${url}og.png`,
    jsonLdTypes: ['BlogPosting', 'WebSite'],
    inSitemap: true,
    lastmod: '2026-03-10',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined)) as PageSeoFacts;
}

const siteOf = (...pages: PageSeoFacts[]): SiteFacts => ({ version: SEO_FACTS_VERSION, pages });
const noindex = { indexable: false, notIndexed: ['noindex'], robots: ['noindex', 'follow'], inSitemap: false } satisfies Overrides;
const canonicalTo = (canonical: string) => ({ canonical, indexable: false, notIndexed: ['canonical-elsewhere'], inSitemap: false }) satisfies Overrides;

/** A change as a row: severity, kind, from → to, message (the URL is the one page's). */
const row = ({ severity, kind, from, to, message }: SeoChange) => ({ severity, kind, from, to, message });

describe('diffSiteFacts: one change to one page', () => {
  it.each<{ change: string; before?: Overrides; after: Overrides; expected: ReturnType<typeof row> }>([
    {
      change: 'indexable → noindex',
      after: noindex,
      expected: {
        severity: 'risk', kind: 'robots', from: 'indexable', to: 'noindex',
        message: '/posts/a/ is now noindex (robots meta "noindex, follow"): search engines will drop it from their results.',
      },
    },
    {
      change: 'robots.txt now blocks the page',
      after: { indexable: false, notIndexed: ['robots-txt'] },
      expected: {
        severity: 'risk', kind: 'robots', from: 'indexable', to: 'blocked by robots.txt',
        message: 'robots.txt now blocks /posts/a/: search engines can no longer crawl it, and it will fade from their results.',
      },
    },
    {
      change: 'noindex → indexable',
      before: { indexable: false, notIndexed: ['noindex'], robots: ['noindex'] },
      after: {},
      expected: { severity: 'notable', kind: 'robots', from: 'noindex', to: 'indexable', message: '/posts/a/ can be indexed again (it was noindex).' },
    },
    {
      change: 'other robots directives',
      after: { robots: ['max-image-preview:large'] },
      expected: {
        severity: 'notable', kind: 'robots', from: 'none', to: '"max-image-preview:large"',
        message: 'The robots meta of /posts/a/ changed from none to "max-image-preview:large": it tells search engines how to show the page.',
      },
    },
    {
      change: 'canonical moved off the site',
      after: canonicalTo('https://elsewhere.example/fish/'),
      expected: {
        severity: 'risk', kind: 'canonical', from: A, to: 'https://elsewhere.example/fish/',
        message: 'The canonical of /posts/a/ moved from /posts/a/ (itself) to https://elsewhere.example/fish/: search engines will index that URL instead of this page.',
      },
    },
    {
      change: 'canonical moved to another page of the site',
      after: canonicalTo(`${SITE}posts/b/`),
      expected: {
        severity: 'risk', kind: 'canonical', from: A, to: `${SITE}posts/b/`,
        message: 'The canonical of /posts/a/ moved from /posts/a/ (itself) to /posts/b/: search engines will index that URL instead of this page.',
      },
    },
    {
      change: 'canonical moved from one other URL to another',
      before: canonicalTo(`${SITE}posts/b/`),
      after: canonicalTo(`${SITE}posts/c/`),
      expected: {
        severity: 'notable', kind: 'canonical', from: `${SITE}posts/b/`, to: `${SITE}posts/c/`,
        message: 'The canonical of /posts/a/ moved from /posts/b/ to /posts/c/: search engines will index that URL instead of this page.',
      },
    },
    {
      change: 'a self canonical link removed',
      after: { canonical: undefined },
      expected: { severity: 'info', kind: 'canonical', from: A, to: undefined, message: 'The canonical link of /posts/a/ was removed; it still points to the page itself.' },
    },
    {
      change: 'dropped from the sitemap, still indexable',
      after: { inSitemap: false },
      expected: {
        severity: 'risk', kind: 'sitemap', from: 'in the sitemap', to: 'not in the sitemap',
        message: '/posts/a/ was dropped from the sitemap but can still be indexed: search engines will find it and its updates later, if at all.',
      },
    },
    {
      change: 'a page that is not indexable left the sitemap',
      before: { ...noindex, inSitemap: true },
      after: noindex,
      expected: { severity: 'info', kind: 'sitemap', from: 'in the sitemap', to: 'not in the sitemap', message: '/posts/a/, which is not indexable, left the sitemap.' },
    },
    {
      change: 'added to the sitemap',
      before: { inSitemap: false },
      after: {},
      expected: { severity: 'info', kind: 'sitemap', from: 'not in the sitemap', to: 'in the sitemap', message: '/posts/a/ is now in the sitemap.' },
    },
    {
      change: 'title removed',
      after: { title: undefined },
      expected: {
        severity: 'risk', kind: 'title', from: 'Frying fish (posts/a/)', to: undefined,
        message: '/posts/a/ lost its title (was "Frying fish (posts/a/)"): search engines will make one up from the page.',
      },
    },
    {
      change: 'title reworded',
      after: { title: 'Frying fish in beer batter' },
      expected: {
        severity: 'notable', kind: 'title', from: 'Frying fish (posts/a/)', to: 'Frying fish in beer batter',
        message: 'The title of /posts/a/ changed from "Frying fish (posts/a/)" to "Frying fish in beer batter": search results will show the new one.',
      },
    },
    {
      change: 'title added',
      before: { title: undefined },
      after: { title: 'Frying fish' },
      expected: { severity: 'notable', kind: 'title', from: undefined, to: 'Frying fish', message: '/posts/a/ now has a title: "Frying fish".' },
    },
    {
      change: 'description removed',
      after: { description: undefined },
      expected: {
        severity: 'risk', kind: 'description', from: 'How to fry fish at home, from posts/a/.', to: undefined,
        message: '/posts/a/ lost its description (was "How to fry fish at home, from posts/a/."): search engines will pick a snippet from the page text.',
      },
    },
    {
      change: 'description reworded',
      after: { description: 'Beer batter, hot oil and patience.' },
      expected: {
        severity: 'notable', kind: 'description', from: 'How to fry fish at home, from posts/a/.', to: 'Beer batter, hot oil and patience.',
        message: 'The description of /posts/a/ changed from "How to fry fish at home, from posts/a/." to "Beer batter, hot oil and patience.": search results will show the new one.',
      },
    },
    {
      change: 'og:image changed',
      after: { ogImage: `${SITE}og/fish.png` },
      expected: {
        severity: 'notable', kind: 'og-image', from: `${A}og.png`, to: `${SITE}og/fish.png`,
        message: 'The og:image of /posts/a/ changed from /posts/a/og.png to /og/fish.png: shares will show the new picture.',
      },
    },
    {
      change: 'og:image removed',
      after: { ogImage: undefined },
      expected: {
        severity: 'notable', kind: 'og-image', from: `${A}og.png`, to: undefined,
        message: '/posts/a/ lost its og:image (was /posts/a/og.png): shares will show no picture, or one the site picks.',
      },
    },
    {
      change: 'JSON-LD types changed',
      after: { jsonLdTypes: ['BreadcrumbList', 'WebSite'] },
      expected: {
        severity: 'notable', kind: 'json-ld', from: 'BlogPosting, WebSite', to: 'BreadcrumbList, WebSite',
        message: 'The JSON-LD types of /posts/a/ changed from BlogPosting, WebSite to BreadcrumbList, WebSite (added BreadcrumbList; removed BlogPosting): rich results depend on them.',
      },
    },
    {
      change: 'lastmod moved',
      after: { lastmod: '2026-04-01' },
      expected: {
        severity: 'info', kind: 'lastmod', from: '2026-03-10', to: '2026-04-01',
        message: 'The sitemap lastmod of /posts/a/ moved from 2026-03-10 to 2026-04-01: search engines may crawl it again sooner.',
      },
    },
  ])('$change: $expected.severity', ({ before = {}, after, expected }) => {
    const changes = diffSiteFacts(siteOf(page(before)), siteOf(page(after)));
    expect(changes.map(row)).toEqual([expected]);
    expect(changes[0]!.url).toBe(A);
  });
});

describe('diffSiteFacts: pages added and removed', () => {
  const B = `${SITE}posts/b/`;

  it.each([
    {
      change: 'an indexable page removed',
      before: [page(), page({}, B)],
      after: [page()],
      expected: {
        severity: 'risk', kind: 'page-removed', from: 'indexable', to: undefined,
        message: '/posts/b/ was removed, and it was indexable: search engines will find a 404 there; redirect it to where it went, or keep it.',
      },
    },
    {
      change: 'a noindex page removed',
      before: [page(), page(noindex, B)],
      after: [page()],
      expected: { severity: 'info', kind: 'page-removed', from: 'noindex', to: undefined, message: '/posts/b/ was removed; it was not indexable (noindex).' },
    },
    {
      change: 'a page added',
      before: [page()],
      after: [page(), page({}, B)],
      expected: { severity: 'info', kind: 'page-added', from: undefined, to: 'indexable', message: '/posts/b/ is new (indexable).' },
    },
  ])('$change: $expected.severity', ({ before, after, expected }) => {
    expect(diffSiteFacts(siteOf(...before), siteOf(...after)).map(row)).toEqual([expected]);
  });
});

describe('diffSiteFacts: titles and descriptions shared with another page', () => {
  const B = `${SITE}posts/b/`;

  it('flags both pages when one takes the title of the other, and says what it was', () => {
    const before = siteOf(page(), page({}, B));
    const after = siteOf(page(), page({ title: 'Frying fish (posts/a/)' }, B));
    expect(diffSiteFacts(before, after).map((change) => [change.severity, change.kind, change.url, change.message])).toEqual([
      ['risk', 'title-duplicate', A, 'The title of /posts/a/ is now also the title of /posts/b/: "Frying fish (posts/a/)"; search engines may show only one of them.'],
      [
        'risk',
        'title-duplicate',
        B,
        'The title of /posts/b/ is now also the title of /posts/a/: "Frying fish (posts/a/)" (was "Frying fish (posts/b/)"); search engines may show only one of them.',
      ],
    ]);
  });

  it('flags a description now shared, by the new page too', () => {
    const before = siteOf(page());
    const after = siteOf(page(), page({ description: 'How to fry fish at home, from posts/a/.' }, B));
    expect(diffSiteFacts(before, after).map((change) => [change.severity, change.kind, change.url])).toEqual([
      ['risk', 'description-duplicate', A],
      ['risk', 'description-duplicate', B],
      ['info', 'page-added', B],
    ]);
  });

  it.each([
    { when: 'they already shared it', before: siteOf(page({ title: 'Fish' }), page({ title: 'Fish' }, B)), after: siteOf(page({ title: 'Fish' }), page({ title: 'Fish' }, B)) },
    { when: 'the page sharing it is noindex', before: siteOf(page({ title: 'Fish' }), page({ ...noindex, title: 'Chips' }, B)), after: siteOf(page({ title: 'Fish' }), page({ ...noindex, title: 'Fish' }, B)) },
  ])('says nothing of a shared title when $when, beyond the rewording', ({ before, after }) => {
    expect(diffSiteFacts(before, after).filter((change) => change.kind === 'title-duplicate')).toEqual([]);
  });
});

describe('diffSiteFacts: order and scope', () => {
  it('lists what can cost traffic first, then notable changes, then the rest, each by URL', () => {
    const [B, C, D] = ['b', 'c', 'd'].map((slug) => `${SITE}posts/${slug}/`) as [string, string, string];
    const before = siteOf(page(), page({}, B), page({}, C), page({}, D));
    const after = siteOf(
      page({ title: 'Fish, fried', lastmod: '2026-04-01' }),
      page({ jsonLdTypes: ['WebSite'] }, B),
      page(noindex, C),
      page(canonicalTo(B), D),
      page({}, `${SITE}posts/e/`),
    );
    expect(diffSiteFacts(before, after).map((change) => [change.severity, change.url.slice(SITE.length), change.kind])).toEqual([
      ['risk', 'posts/c/', 'robots'],
      ['risk', 'posts/d/', 'canonical'],
      ['notable', 'posts/a/', 'title'],
      ['notable', 'posts/b/', 'json-ld'],
      ['info', 'posts/a/', 'lastmod'],
      ['info', 'posts/e/', 'page-added'],
    ]);
  });

  it('tells a noindex page or a moved canonical once, not again as leaving the sitemap', () => {
    expect(diffSiteFacts(siteOf(page()), siteOf(page(noindex))).map((change) => change.kind)).toEqual(['robots']);
    expect(diffSiteFacts(siteOf(page()), siteOf(page(canonicalTo(`${SITE}posts/b/`)))).map((change) => change.kind)).toEqual(['canonical']);
  });

  it('finds nothing between a build and itself, or without a previous build', () => {
    const site = siteOf(page(), page(noindex, `${SITE}posts/b/`));
    expect(diffSiteFacts(site, structuredClone(site))).toEqual([]);
    expect(diffSiteFacts(undefined, site)).toEqual([]);
  });
});
