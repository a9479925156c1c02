import { describe, expect, it } from 'vitest';
import { sitemapEntry } from './sitemap.ts';

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
