import { describe, expect, it } from 'vitest';
import { buildHeadTags, documentTitle, headTagKey, mergeHeadTags, type HeadTag, type PageFacts } from './head.ts';
import { testImage, testSite, testUrls } from './test-fixtures.ts';

const context = { site: testSite, urls: testUrls, preview: false };
const postPage: PageFacts = {
  route: '/posts/a/',
  title: 'A “quoted” & fine post',
  description: 'What the post says.',
  image: testImage,
  article: { published: new Date('2026-03-10T00:00:00Z'), modified: new Date('2026-07-01T08:00:00Z'), tags: ['SEO', 'Internet'] },
  jsonLd: '{"@context":"https://schema.org"}',
};

function find(tags: HeadTag[], key: string): HeadTag[] {
  return tags.filter((tag) => headTagKey(tag) === key);
}
const content = (tags: HeadTag[], key: string) => find(tags, key).map((tag) => tag.content ?? tag.attrs['content'] ?? tag.attrs['href']);

describe('documentTitle', () => {
  it.each([
    { page: 'A post', site: 'Site', title: 'A post · Site' },
    { page: undefined, site: 'Site', title: 'Site' },
    { page: 'Site', site: 'Site', title: 'Site' },
  ])('$page on $site is “$title”', ({ page, site, title }) => {
    expect(documentTitle(page, site)).toBe(title);
  });
});

describe('mergeHeadTags', () => {
  it('lets a later tag replace an earlier one with the same key, in the earlier place', () => {
    const merged = mergeHeadTags(
      [{ tag: 'meta', attrs: { property: 'og:type', content: 'website' } }, { tag: 'title', attrs: {}, content: 'A' }],
      [{ tag: 'meta', attrs: { property: 'og:type', content: 'article' } }],
    );
    expect(merged).toEqual([
      { tag: 'meta', attrs: { property: 'og:type', content: 'article' } },
      { tag: 'title', attrs: {}, content: 'A' },
    ]);
  });

  it('keeps tags that may repeat, such as one article:tag per tag and several icons', () => {
    const merged = mergeHeadTags([
      { tag: 'meta', attrs: { property: 'article:tag', content: 'SEO' } },
      { tag: 'meta', attrs: { property: 'article:tag', content: 'IT' } },
      { tag: 'link', attrs: { rel: 'icon', href: '/a.svg', type: 'image/svg+xml' } },
      { tag: 'link', attrs: { rel: 'icon', href: '/a.ico', sizes: '32x32' } },
    ]);
    expect(merged).toHaveLength(4);
  });
});

describe('buildHeadTags', () => {
  const tags = buildHeadTags(postPage, context);

  it.each([
    { key: 'title', value: ['A “quoted” & fine post · Example Site'] },
    { key: 'name:description', value: ['What the post says.'] },
    { key: 'canonical|||', value: ['https://example.com/posts/a/'] },
    { key: 'property:og:type', value: ['article'] },
    { key: 'property:og:url', value: ['https://example.com/posts/a/'] },
    { key: 'property:og:title', value: ['A “quoted” & fine post'] },
    { key: 'property:og:locale', value: ['en_GB'] },
    { key: 'property:og:image', value: ['https://example.com/og/posts/a.png'] },
    { key: 'property:og:image:width', value: ['1200'] },
    { key: 'property:og:image:height', value: ['630'] },
    { key: 'property:og:image:alt', value: ['A card'] },
    { key: 'property:og:site_name', value: ['Example Site'] },
    { key: 'property:article:published_time', value: ['2026-03-10T00:00:00+00:00'] },
    { key: 'property:article:modified_time', value: ['2026-07-01T09:00:00+01:00'] },
    { key: 'property:article:tag:SEO', value: ['SEO'] },
    { key: 'name:twitter:card', value: ['summary_large_image'] },
    { key: 'name:twitter:site', value: ['@example'] },
    { key: 'name:twitter:creator', value: ['@example'] },
    { key: 'name:twitter:image:alt', value: ['A card'] },
    { key: 'alternate|application/rss+xml||', value: ['https://example.com/rss.xml'] },
    { key: 'sitemap|application/xml||', value: ['https://example.com/sitemap-index.xml'] },
  ])('a post has exactly one $key', ({ key, value }) => {
    expect(content(tags, key)).toEqual(value);
  });

  it('gives every tag a unique key, so nothing is emitted twice', () => {
    const keys = tags.map(headTagKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is indexable by default and carries the JSON-LD once', () => {
    expect(find(tags, 'name:robots')).toEqual([]);
    expect(tags.filter((tag) => tag.tag === 'script')).toEqual([
      { tag: 'script', attrs: { type: 'application/ld+json' }, content: '{"@context":"https://schema.org"}' },
    ]);
  });

  it('makes a non-article page a website without article tags', () => {
    const home = buildHeadTags({ route: '/', description: 'Home.', image: testImage }, context);
    expect(content(home, 'title')).toEqual(['Example Site']);
    expect(content(home, 'property:og:type')).toEqual(['website']);
    expect(content(home, 'property:og:title')).toEqual(['Example Site']);
    expect(home.some((tag) => tag.attrs['property']?.startsWith('article:'))).toBe(false);
    expect(content(home, 'property:og:updated_time')).toEqual([]);
  });

  it('dates a page that is not a post by og:updated_time, in the site’s time zone', () => {
    const list = buildHeadTags({ route: '/tags/', title: 'Tags', description: 'Tags.', image: testImage, updated: new Date('2026-07-01T08:00:00Z') }, context);
    expect(content(list, 'property:og:updated_time')).toEqual(['2026-07-01T09:00:00+01:00']);
  });

  it.each([
    { name: 'a noindex page', page: { ...postPage, noindex: true }, preview: false, robots: 'noindex, follow' },
    { name: 'any page of a preview build', page: postPage, preview: true, robots: 'noindex, nofollow' },
  ])('marks $name', ({ page, preview, robots }) => {
    expect(content(buildHeadTags(page, { ...context, preview }), 'name:robots')).toEqual([robots]);
  });

  it('uses a canonical override for both canonical and og:url', () => {
    const crossPosted = buildHeadTags({ ...postPage, canonical: 'https://elsewhere.example/original/' }, context);
    expect(content(crossPosted, 'canonical|||')).toEqual(['https://elsewhere.example/original/']);
    expect(content(crossPosted, 'property:og:url')).toEqual(['https://elsewhere.example/original/']);
  });

  it('follows the URL policy for canonical and og:url', () => {
    const never = buildHeadTags(postPage, { ...context, urls: { ...testUrls, trailingSlash: 'never' } });
    expect(content(never, 'canonical|||')).toEqual(['https://example.com/posts/a']);
    expect(content(never, 'property:og:url')).toEqual(['https://example.com/posts/a']);
  });

  it('links no sitemap when the sitemap is switched off', () => {
    const site = { ...testSite, features: { ...testSite.features, sitemap: false } };
    expect(buildHeadTags(postPage, { ...context, site }).filter((tag) => tag.attrs['rel'] === 'sitemap')).toEqual([]);
  });

  it('adds verification tags for the engines configured, and no twitter:site without a handle', () => {
    const site = { ...testSite, twitter: undefined, verification: { google: 'g-code', bing: 'b-code' } };
    const page = buildHeadTags(postPage, { ...context, site });
    expect(content(page, 'name:google-site-verification')).toEqual(['g-code']);
    expect(content(page, 'name:msvalidate.01')).toEqual(['b-code']);
    expect(find(page, 'name:twitter:site')).toEqual([]);
    expect(content(page, 'name:twitter:card')).toEqual(['summary_large_image']);
  });
});
