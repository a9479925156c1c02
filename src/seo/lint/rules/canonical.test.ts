import { describe, expect, it } from 'vitest';
import { brief, findingsOf, page, site, SITE } from '../../../../tests/helpers/lint-site.ts';

const withCanonical = (href: string) => site({ '/about/': page({ route: '/about/', replace: { canonical: `<link rel="canonical" href="${href}">` } }) });

describe('canonical-present', () => {
  it('passes a page with one canonical link, and the 404 page without one', () => {
    expect(findingsOf('canonical-present', site({ '/about/': page({ route: '/about/' }) }))).toEqual([]);
    expect(findingsOf('canonical-present', { '404.html': page({ route: '/404/', template: 'not-found', omit: ['canonical'] }) })).toEqual([]);
  });

  it('reports a missing or repeated canonical link', () => {
    expect(brief(findingsOf('canonical-present', site({ '/about/': page({ route: '/about/', omit: ['canonical'] }) })))).toEqual([
      ['/about/', 'error', 'The page has no <link rel="canonical">.'],
    ]);
    expect(brief(findingsOf('canonical-present', site({ '/about/': page({ route: '/about/', head: `<link rel="canonical" href="${SITE}about/">` }) })))).toEqual([
      ['/about/', 'error', 'The page has 2 canonical links; search engines then ignore them all.'],
    ]);
  });
});

describe('canonical-absolute', () => {
  it('passes an absolute https URL', () => {
    expect(findingsOf('canonical-absolute', withCanonical(`${SITE}about/`))).toEqual([]);
  });

  it.each([
    { href: '/about/', message: 'The canonical URL "/about/" is not absolute.' },
    { href: `${SITE}about/#team`, message: `The canonical URL "${SITE}about/#team" has a #fragment.` },
    { href: 'http://blog.example/about/', message: 'The canonical URL "http://blog.example/about/" uses http: but the site uses https:.' },
  ])('reports $href', ({ href, message }) => {
    expect(brief(findingsOf('canonical-absolute', withCanonical(href)))).toEqual([['/about/', 'error', message]]);
  });
});

describe('canonical-self', () => {
  it('passes a page canonical to itself, and a post canonical to the URL its frontmatter names', () => {
    expect(findingsOf('canonical-self', withCanonical(`${SITE}about/`))).toEqual([]);
    const syndicated = site({ '/posts/a/': page({ route: '/posts/a/', replace: { canonical: '<link rel="canonical" href="https://first.example/a/">' } }) });
    expect(findingsOf('canonical-self', syndicated, { sources: { '/posts/a/': { canonical: 'https://first.example/a/' } } })).toEqual([]);
  });

  it('reports a canonical link to another page or site that nothing asked for', () => {
    expect(brief(findingsOf('canonical-self', withCanonical(`${SITE}`)))).toEqual([
      ['/about/', 'error', `The canonical URL is ${SITE}, not this page's own URL ${SITE}about/.`],
    ]);
    expect(brief(findingsOf('canonical-self', withCanonical('https://localhost:4321/about/')))).toEqual([
      ['/about/', 'error', `The canonical URL is https://localhost:4321/about/, not this page's own URL ${SITE}about/ (it points off the site).`],
    ]);
  });

  it('reports a canonical link that ignores the post’s canonical: override', () => {
    const files = site({ '/posts/a/': page({ route: '/posts/a/' }) });
    expect(brief(findingsOf('canonical-self', files, { sources: { '/posts/a/': { canonical: 'https://first.example/a/' } } }))).toEqual([
      ['/posts/a/', 'error', `The canonical URL is ${SITE}posts/a/, but the post's canonical: says https://first.example/a/.`],
    ]);
  });
});

describe('og-url-canonical', () => {
  it('passes og:url equal to the canonical URL', () => {
    expect(findingsOf('og-url-canonical', site({ '/about/': page({ route: '/about/' }) }))).toEqual([]);
  });

  it('reports og:url that differs from the canonical URL', () => {
    const files = site({ '/about/': page({ route: '/about/', replace: { 'og:url': `<meta property="og:url" content="${SITE}about">` } }) });
    expect(brief(findingsOf('og-url-canonical', files))).toEqual([['/about/', 'error', `og:url is ${SITE}about but the canonical URL is ${SITE}about/.`]]);
  });
});
