import { describe, expect, it } from 'vitest';
import { ogCardForPage, ogCardRoutes, siteCard } from './og-cards.ts';
import { testSite, testUrls } from './test-fixtures.ts';

const context = { site: testSite, urls: testUrls };

describe('ogCardForPage', () => {
  it('draws a post’s card from its own og:title and dates', () => {
    expect(
      ogCardForPage(
        { ogImage: 'https://example.com/og/posts/a.png', ogTitle: 'A post', published: '2026-03-10T00:00:00+00:00' },
        context,
      ),
    ).toEqual({ url: 'https://example.com/og/posts/a.png', card: { siteName: 'Example Site', title: 'A post', footer: '10 March 2026 · example.com' } });
  });

  it('says when an updated post was updated', () => {
    const wanted = ogCardForPage(
      { ogImage: 'https://example.com/og/posts/a.png', ogTitle: 'A post', published: '2026-03-10T00:00:00+00:00', modified: '2026-07-01T00:00:00+01:00' },
      context,
    );
    expect(wanted?.card.footer).toBe('Updated 1 July 2026 · example.com');
  });

  it('finds the card under any URL style, and under a base path', () => {
    const urls = { site: 'https://example.com/blog', trailingSlash: 'never' as const, format: 'file' as const };
    expect(ogCardForPage({ ogImage: 'https://example.com/blog/og/posts/a.png', ogTitle: 'A' }, { site: testSite, urls })?.url).toBe(
      'https://example.com/blog/og/posts/a.png',
    );
  });

  it('draws a post’s card on the cover its og:image names, a path in dist/', () => {
    const wanted = ogCardForPage({ ogImage: 'https://example.com/og/covers/_astro/hero.abc_x.jpeg', ogTitle: 'A post', published: '2026-03-10T00:00:00+00:00' }, context);
    expect(wanted?.card).toEqual({ siteName: 'Example Site', title: 'A post', footer: '10 March 2026 · example.com', cover: '_astro/hero.abc_x.jpeg' });
    expect(ogCardRoutes.cover('/_astro/hero.abc_x.jpeg')).toBe('/og/covers/_astro/hero.abc_x.jpeg');
  });

  it('gives every other page the site card', () => {
    expect(ogCardForPage({ ogImage: 'https://example.com/og/site.png', ogTitle: 'Tags' }, context)).toEqual({
      url: 'https://example.com/og/site.png',
      card: siteCard(testSite),
    });
  });

  it.each([
    { name: 'a hero photo', ogImage: 'https://example.com/_astro/hero.abc.jpg' },
    { name: 'an image on another site', ogImage: 'https://cdn.example.org/og/a.png' },
    { name: 'no og:image', ogImage: undefined },
  ])('draws nothing for $name', ({ ogImage }) => {
    expect(ogCardForPage(ogImage ? { ogImage } : {}, context)).toBeUndefined();
  });
});
