import { describe, expect, it } from 'vitest';
import { distFileCandidates, readHeadFacts, sitemapEntry } from './sitemap.ts';

const page = (head: string, body = '') => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const site = 'https://example.com/';

describe('readHeadFacts', () => {
  it('reads canonical, robots and article dates from the head only', () => {
    const html = page(
      '<link rel="canonical" href="https://example.com/a/"><meta name="robots" content="noindex, follow">' +
        '<meta property="article:published_time" content="2026-03-10T00:00:00+00:00">' +
        '<meta property="article:modified_time" content="2026-04-02T00:00:00+01:00">',
      '<link rel="canonical" href="https://example.com/wrong/">',
    );
    expect(readHeadFacts(html)).toEqual({
      canonical: 'https://example.com/a/',
      robots: 'noindex, follow',
      published: '2026-03-10T00:00:00+00:00',
      modified: '2026-04-02T00:00:00+01:00',
    });
  });
});

describe('sitemapEntry', () => {
  it.each([
    { name: 'an indexable post, dated by its update', facts: { canonical: 'https://example.com/a/', published: '2026-03-10T00:00:00+00:00', modified: '2026-04-02T00:00:00+01:00' }, entry: { include: true, loc: 'https://example.com/a/', lastmod: '2026-04-02T00:00:00+01:00' } },
    { name: 'a post never updated, dated by publication', facts: { canonical: 'https://example.com/a/', published: '2026-03-10T00:00:00+00:00' }, entry: { include: true, loc: 'https://example.com/a/', lastmod: '2026-03-10T00:00:00+00:00' } },
    { name: 'a list page without dates', facts: { canonical: 'https://example.com/tags/' }, entry: { include: true, loc: 'https://example.com/tags/' } },
    { name: 'a noindex page', facts: { canonical: 'https://example.com/b/', robots: 'noindex, follow' }, entry: { include: false, reason: 'noindex' } },
    { name: 'a cross-posted article', facts: { canonical: 'https://elsewhere.example/b/' }, entry: { include: false, reason: 'canonical points to another site' } },
    { name: 'a page without canonical', facts: {}, entry: { include: false, reason: 'no canonical URL' } },
  ])('$name', ({ facts, entry }) => {
    expect(sitemapEntry(facts, site)).toEqual(entry);
  });
});

describe('distFileCandidates', () => {
  it.each([
    { url: 'https://example.com/', files: ['index.html'] },
    { url: 'https://example.com/posts/a/', files: ['posts/a/index.html'] },
    { url: 'https://example.com/posts/a', files: ['posts/a.html', 'posts/a/index.html'] },
    { url: 'https://example.com/posts/a.html', files: ['posts/a.html'] },
    { url: 'https://example.com/posts/caf%C3%A9/', files: ['posts/café/index.html'] },
    { url: 'https://example.com/blog/posts/a/', files: ['posts/a/index.html'], site: 'https://example.com/blog' },
  ])('$url is served from $files', ({ url, files, site: base = site }) => {
    expect(distFileCandidates(url, base)).toEqual(files);
  });
});
