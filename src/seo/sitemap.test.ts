import { describe, expect, it } from 'vitest';
import { toZonedIsoString } from '../lib/dates.ts';
import { buildHeadTags } from './head.ts';
import { postLastModified } from './last-modified.ts';
import { readHeadFacts } from './page-head.ts';
import { sitemapEntry } from './sitemap.ts';
import { testImage, testSite, testUrls } from './test-fixtures.ts';

const site = 'https://example.com/';

describe('sitemapEntry', () => {
  it.each([
    { name: 'an indexable post, dated by its update', facts: { canonical: 'https://example.com/a/', published: '2026-03-10T00:00:00+00:00', modified: '2026-04-02T00:00:00+01:00' }, entry: { include: true, loc: 'https://example.com/a/', lastmod: '2026-04-02T00:00:00+01:00' } },
    { name: 'a post never updated, dated by publication', facts: { canonical: 'https://example.com/a/', published: '2026-03-10T00:00:00+00:00' }, entry: { include: true, loc: 'https://example.com/a/', lastmod: '2026-03-10T00:00:00+00:00' } },
    { name: 'a list page, dated by when it last changed', facts: { canonical: 'https://example.com/tags/', updated: '2026-04-02T00:00:00+01:00' }, entry: { include: true, loc: 'https://example.com/tags/', lastmod: '2026-04-02T00:00:00+01:00' } },
    { name: 'a page with no true date, such as a blog with no posts yet', facts: { canonical: 'https://example.com/' }, entry: { include: true, loc: 'https://example.com/' } },
    { name: 'a noindex page', facts: { canonical: 'https://example.com/b/', robots: 'noindex, follow' }, entry: { include: false, reason: 'noindex' } },
    { name: 'a cross-posted article', facts: { canonical: 'https://elsewhere.example/b/' }, entry: { include: false, reason: 'canonical points to another site' } },
    { name: 'a page without canonical', facts: {}, entry: { include: false, reason: 'no canonical URL' } },
  ])('$name', ({ facts, entry }) => {
    expect(sitemapEntry(facts, site)).toEqual(entry);
  });
});

describe('a post’s <lastmod>', () => {
  // The post's head as the layout builds it, read back the way the sitemap integration reads it.
  const lastmodOf = (data: { pubDate: Date; updatedDate?: Date }) => {
    const tags = buildHeadTags(
      { route: '/posts/a/', title: 'A', description: 'A post.', image: testImage, article: { published: data.pubDate, modified: data.updatedDate, tags: [] } },
      { site: testSite, urls: testUrls, preview: false },
    );
    const html = `<head>${tags.filter((tag) => tag.tag === 'meta' || tag.tag === 'link').map((tag) => `<${tag.tag} ${Object.entries(tag.attrs).map(([name, value]) => `${name}="${value}"`).join(' ')}>`).join('')}</head>`;
    const entry = sitemapEntry(readHeadFacts(html), testSite.url);
    return entry.include ? entry.lastmod : undefined;
  };

  it.each([
    { name: 'is its update when it has one', data: { pubDate: new Date('2011-03-14T00:00:00Z'), updatedDate: new Date('2026-11-28T00:00:00Z') } },
    { name: 'is its publication when it was never updated', data: { pubDate: new Date('2026-03-10T00:00:00Z') } },
  ])('$name: the date that orders the lists (postLastModified)', ({ data }) => {
    expect(lastmodOf(data)).toBe(toZonedIsoString(postLastModified({ data }), testSite.timezone));
  });
});
