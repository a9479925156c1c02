import { describe, expect, it } from 'vitest';
import { brief, findingsOf, page, site, SITE } from '../../../../tests/helpers/lint-site.ts';

const about = (body: string, extra = {}) => site({ '/about/': page({ route: '/about/', body }) }, extra);

describe('img-alt', () => {
  it('passes images with alt text, and decorative images with alt=""', () => {
    expect(findingsOf('img-alt', about('<img src="/a.png" alt="A chart" width="1" height="1"><img src="/rule.png" alt="">'))).toEqual([]);
  });

  it('reports each image without an alt attribute', () => {
    const findings = findingsOf('img-alt', about('<img src="/chart.png" width="1" height="1">'));
    expect(brief(findings)).toEqual([['/about/', 'error', 'The image "/chart.png" has no alt attribute.']]);
  });
});

describe('img-dimensions', () => {
  it('passes images with width and height', () => {
    expect(findingsOf('img-dimensions', about('<img src="/a.png" alt="A chart" width="800" height="600">'))).toEqual([]);
  });

  it('warns about an image without them', () => {
    expect(brief(findingsOf('img-dimensions', about('<img src="https://cdn.example/a.jpg" alt="A chart" width="800">')))).toEqual([
      ['/about/', 'warn', 'The image "https://cdn.example/a.jpg" has no width and height.'],
    ]);
  });
});

describe('link-text', () => {
  it('passes links that say where they lead, and generic text with more context', () => {
    const body = '<a href="/posts/a/">the guide to Core Web Vitals</a><a href="/posts/a/" aria-label="Read more about Core Web Vitals">Read more</a><a href="/posts/a/" aria-describedby="t">More</a><a href="/"><img src="/logo.png" alt="Example Blog home"></a>';
    expect(findingsOf('link-text', about(body))).toEqual([]);
  });

  it('warns about generic and empty link text', () => {
    const body = '<a href="/posts/a/">Click here!</a> <a href="/posts/b/">Read more →</a> <a href="/posts/c/"><svg aria-hidden="true"></svg></a>';
    expect(brief(findingsOf('link-text', about(body)))).toEqual([
      ['/about/', 'warn', 'The link "Click here!" to /posts/a/ does not say where it leads.'],
      ['/about/', 'warn', 'The link "Read more →" to /posts/b/ does not say where it leads.'],
      ['/about/', 'warn', 'A link to /posts/c/ has no text.'],
    ]);
  });
});

describe('http-self-links', () => {
  it('passes https and relative links, and http links to other sites', () => {
    expect(findingsOf('http-self-links', about(`<a href="${SITE}posts/">posts</a><a href="http://old.example/">an old site</a>`))).toEqual([]);
  });

  it('reports each http: URL of the site itself', () => {
    const body = '<a href="http://blog.example/about/">about us</a><img src="http://blog.example/a.png" alt="A chart" width="1" height="1">';
    expect(brief(findingsOf('http-self-links', about(body)))).toEqual([
      ['/about/', 'error', 'http://blog.example/about/ points to this site over http:.'],
      ['/about/', 'error', 'http://blog.example/a.png points to this site over http:.'],
    ]);
  });
});

describe('links-internal', () => {
  it('passes links to built pages, files and existing fragments', () => {
    const body = `<a href="/about/#team">the team</a> <a href="${SITE}rss.xml">the feed</a> <a href="#top">back to top</a> <h2 id="team">Team</h2>`;
    expect(findingsOf('links-internal', about(body))).toEqual([]);
  });

  it('reports a link to a page that is not built, and a fragment that is not on its page', () => {
    const body = '<a href="/posts/not-written-yet/">the next post</a> <a href="/about/#nobody">nobody</a> <a href="#missing">a missing section</a>';
    expect(brief(findingsOf('links-internal', about(body)))).toEqual([
      ['/about/', 'error', 'The link to /posts/not-written-yet/ leads nowhere: nothing is built at /posts/not-written-yet/.'],
      ['/about/', 'error', 'The link to /about/#nobody names #nobody, which is not an id on /about/.'],
      ['/about/', 'error', 'The link to #missing names #missing, which is not an id on /about/.'],
    ]);
  });

  it('decodes fragments and paths before comparing', () => {
    const body = '<h2 id="café">Café</h2><a href="#caf%C3%A9">the café section</a>';
    expect(findingsOf('links-internal', about(body))).toEqual([]);
  });
});

describe('links-canonical-form', () => {
  it('passes links in the canonical form', () => {
    expect(findingsOf('links-canonical-form', about('<a href="/about/?ref=nav">about</a>'))).toEqual([]);
  });

  it('warns about a link that only reaches its page through a redirect', () => {
    expect(brief(findingsOf('links-canonical-form', about('<a href="/about">about us</a>')))).toEqual([
      ['/about/', 'warn', 'The link to /about reaches /about/ only through a redirect or a duplicate URL.'],
    ]);
  });
});

describe('assets-internal', () => {
  it('passes images, scripts, styles and icons that exist', () => {
    const files = site({ '/about/': page({ route: '/about/', head: '<link rel="icon" href="/favicon.svg"><script src="/_astro/a.js"></script>', body: '<img src="/img/a.png" srcset="/img/a.png 1x, /img/a@2x.png 2x" alt="A" width="1" height="1">' }) }, {
      'favicon.svg': '<svg/>',
      '_astro/a.js': '',
      'img/a.png': '',
      'img/a@2x.png': '',
    });
    expect(findingsOf('assets-internal', files)).toEqual([]);
  });

  it('reports each file a page loads that is not in dist/', () => {
    const files = site({ '/about/': page({ route: '/about/', head: '<link rel="stylesheet" href="/_astro/gone.css">', body: '<img src="/img/missing.png" alt="A" width="1" height="1">' }) });
    expect(brief(findingsOf('assets-internal', files))).toEqual([
      ['/about/', 'error', 'The <link> loads /_astro/gone.css, which is not in dist/.'],
      ['/about/', 'error', 'The <img> loads /img/missing.png, which is not in dist/.'],
    ]);
  });
});

describe('orphan-posts', () => {
  it('passes posts that another page links to', () => {
    expect(findingsOf('orphan-posts', site({ '/posts/a/': page({ route: '/posts/a/' }) }))).toEqual([]);
  });

  it('warns about an indexable post nothing links to, but not about a noindex one', () => {
    const home = page({ route: '/', body: '<p>No links to posts here.</p>' });
    const files = site({ '/': home, '/posts/lonely/': page({ route: '/posts/lonely/', body: '<a href="/posts/lonely/">itself</a>' }), '/posts/hidden/': page({ route: '/posts/hidden/', noindex: true }) });
    expect(brief(findingsOf('orphan-posts', files))).toEqual([['/posts/lonely/', 'warn', 'No other page links to /posts/lonely/.']]);
  });
});
