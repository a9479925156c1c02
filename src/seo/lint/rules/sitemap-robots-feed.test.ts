import { describe, expect, it } from 'vitest';
import { brief, feedOf, findingsOf, page, site, SITE, sitemapOf, url } from '../../../../tests/helpers/lint-site.ts';

const pages = {
  '/about/': page({ route: '/about/' }),
  '/posts/a/': page({ route: '/posts/a/' }),
  '/posts/hidden/': page({ route: '/posts/hidden/', noindex: true }),
};

describe('sitemap-complete', () => {
  it('passes a sitemap of every indexable page', () => {
    expect(findingsOf('sitemap-complete', site(pages))).toEqual([]);
  });

  it('reports an indexable page missing from the sitemap', () => {
    const files = site(pages, sitemapOf([url('/'), url('/about/')]));
    expect(brief(findingsOf('sitemap-complete', files))).toEqual([['/posts/a/', 'error', '/posts/a/ is indexable but not in the sitemap.']]);
  });

  it('passes a preview build: no page is indexable, so no sitemap is needed', () => {
    const preview = {
      '/': page({ route: '/', noindex: true }),
      '/posts/a/': page({ route: '/posts/a/', noindex: true }),
    };
    const { 'sitemap-index.xml': _index, 'sitemap-0.xml': _urls, ...files } = site(preview);
    expect(findingsOf('sitemap-complete', files)).toEqual([]);
  });

  it('reports a site without a sitemap, and a sitemap that is not well-formed', () => {
    const { 'sitemap-index.xml': _index, 'sitemap-0.xml': _urls, ...withoutSitemap } = site(pages);
    expect(brief(findingsOf('sitemap-complete', withoutSitemap))).toEqual([
      ['sitemap-index.xml', 'error', 'The site has no sitemap (sitemap-index.xml or sitemap.xml).'],
    ]);
    const broken = site(pages, { 'sitemap-0.xml': `<urlset><url><loc>${SITE}</loc></urlset>` });
    expect(brief(findingsOf('sitemap-complete', broken)).map(([, , message]) => message)).toContain(
      'The sitemap cannot be read cleanly: sitemap-0.xml: <url> is not closed where it should be.',
    );
  });
});

describe('sitemap-indexable-only', () => {
  it('passes a sitemap without noindex pages', () => {
    expect(findingsOf('sitemap-indexable-only', site(pages))).toEqual([]);
  });

  it('reports a noindex page, a page canonical elsewhere and the 404 page in the sitemap', () => {
    const files = site(
      { ...pages, '/posts/moved/': page({ route: '/posts/moved/', replace: { canonical: '<link rel="canonical" href="https://first.example/moved/">' } }) },
      { ...sitemapOf([url('/'), url('/about/'), url('/posts/a/'), url('/posts/hidden/'), url('/posts/moved/'), `${SITE}404.html`]), '404.html': page({ route: '/404/', template: 'not-found' }) },
    );
    expect(brief(findingsOf('sitemap-indexable-only', files))).toEqual([
      ['/posts/hidden/', 'error', '/posts/hidden/ is in the sitemap but is marked noindex.'],
      ['/posts/moved/', 'error', '/posts/moved/ is in the sitemap but names another URL as canonical.'],
      ['/404.html', 'error', '/404.html is in the sitemap but is the 404 page.'],
    ]);
  });
});

describe('sitemap-urls-exist', () => {
  it('passes a sitemap whose URLs are all built', () => {
    expect(findingsOf('sitemap-urls-exist', site(pages))).toEqual([]);
  });

  it('reports URLs that are not built, not on the site, use the wrong scheme or another spelling of a page’s URL', () => {
    const files = site(pages, sitemapOf([url('/'), url('/posts/deleted/'), 'http://localhost:4321/about/', 'http://blog.example/about/', `${SITE}posts/a`]));
    expect(brief(findingsOf('sitemap-urls-exist', files))).toEqual([
      ['sitemap-0.xml', 'error', `The sitemap lists ${SITE}posts/deleted/, but no page is built there.`],
      ['sitemap-0.xml', 'error', `The sitemap lists http://localhost:4321/about/, which is not an absolute URL on ${SITE}.`],
      ['sitemap-0.xml', 'error', 'The sitemap lists http://blog.example/about/ with the wrong scheme.'],
      ['sitemap-0.xml', 'error', `The sitemap lists ${SITE}posts/a, but that page's URL is ${SITE}posts/a/.`],
    ]);
  });
});

describe('robots-txt-sitemap', () => {
  it('passes robots.txt naming the sitemap', () => {
    expect(findingsOf('robots-txt-sitemap', site(pages))).toEqual([]);
  });

  it('passes a preview build’s robots.txt, which blocks everything and names no sitemap', () => {
    expect(findingsOf('robots-txt-sitemap', site(pages, { 'robots.txt': 'User-agent: *\nDisallow: /\n' }))).toEqual([]);
  });

  it.each([
    { name: 'no robots.txt', robots: undefined, message: 'The site has no robots.txt.' },
    { name: 'no Sitemap line', robots: 'User-agent: *\nAllow: /\n', message: 'robots.txt does not name the sitemap.' },
    {
      name: 'a relative sitemap',
      robots: 'User-agent: *\nSitemap: /sitemap-index.xml\n',
      message: 'robots.txt names the sitemap /sitemap-index.xml, which is not an absolute URL of a file in dist/.',
    },
  ])('reports $name', ({ robots, message }) => {
    const files = site(pages);
    if (robots === undefined) delete files['robots.txt'];
    else files['robots.txt'] = robots;
    expect(brief(findingsOf('robots-txt-sitemap', files))).toEqual([['robots.txt', 'error', message]]);
  });
});

describe('robots-txt-blocks-indexable', () => {
  it('passes robots.txt that blocks only what is not indexed', () => {
    const files = site(pages, { 'robots.txt': `User-agent: *\nDisallow: /drafts/\n\nSitemap: ${SITE}sitemap-index.xml\n` });
    expect(findingsOf('robots-txt-blocks-indexable', files)).toEqual([]);
  });

  it('reports indexable pages that robots.txt blocks, reading it as Googlebot does', () => {
    const robots = `User-agent: *\nDisallow: /\n\nUser-agent: Googlebot\nDisallow: /posts/\nAllow: /posts/hidden/\n\nSitemap: ${SITE}sitemap-index.xml\n`;
    expect(brief(findingsOf('robots-txt-blocks-indexable', site(pages, { 'robots.txt': robots })))).toEqual([
      ['/posts/a/', 'error', 'robots.txt blocks /posts/a/, an indexable page.'],
    ]);
  });
});

describe('robots-txt-blocks-noindex', () => {
  it('passes when noindex pages can be crawled, and a preview build that blocks everything', () => {
    expect(findingsOf('robots-txt-blocks-noindex', site(pages))).toEqual([]);
    expect(findingsOf('robots-txt-blocks-noindex', site(pages, { 'robots.txt': 'User-agent: *\nDisallow: /\n' }))).toEqual([]);
  });

  it('warns about a noindex page that robots.txt hides from crawlers', () => {
    const files = site(pages, { 'robots.txt': `User-agent: *\nDisallow: /posts/hidden/\n\nSitemap: ${SITE}sitemap-index.xml\n` });
    expect(brief(findingsOf('robots-txt-blocks-noindex', files))).toEqual([
      ['/posts/hidden/', 'warn', 'robots.txt blocks /posts/hidden/, so crawlers cannot see its noindex.'],
    ]);
  });
});

describe('feed-valid', () => {
  it('passes a feed of posts at their own URLs, including one first published elsewhere', () => {
    const crossPosted = page({ route: '/posts/moved/', replace: { canonical: '<link rel="canonical" href="https://first.example/moved/">' } });
    const files = site({ ...pages, '/posts/moved/': crossPosted }, { 'rss.xml': feedOf([url('/posts/a/'), url('/posts/moved/')]) });
    expect(findingsOf('feed-valid', files)).toEqual([]);
  });

  it('passes a preview build’s feed, where every post is noindex', () => {
    const files = site(pages, { 'rss.xml': feedOf([url('/posts/hidden/')]), 'robots.txt': 'User-agent: *\nDisallow: /\n' });
    expect(findingsOf('feed-valid', files)).toEqual([]);
  });

  it('reports items linking to a noindex post, to a non-canonical URL and to a missing page', () => {
    const files = site(pages, { 'rss.xml': feedOf([url('/posts/a/'), url('/posts/hidden/'), `${SITE}posts/a`, `${SITE}posts/gone/`]) });
    expect(brief(findingsOf('feed-valid', files))).toEqual([
      ['rss.xml', 'error', 'A feed item links to /posts/hidden/, which is marked noindex.'],
      ['rss.xml', 'error', `A feed item links to ${SITE}posts/a, which is not a page of this site in its canonical form.`],
      ['rss.xml', 'error', `A feed item links to ${SITE}posts/gone/, which is not a page of this site in its canonical form.`],
    ]);
  });

  it('reports a feed that is not well-formed XML', () => {
    const files = site(pages, { 'rss.xml': `<rss version="2.0"><channel><title>x</title><item><link>${url('/posts/a/')}</link></channel></rss>` });
    expect(brief(findingsOf('feed-valid', files))).toEqual([['rss.xml', 'error', 'The feed cannot be read cleanly: <item> is not closed where it should be.']]);
  });
});
