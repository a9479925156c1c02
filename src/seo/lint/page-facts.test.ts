import { describe, expect, it } from 'vitest';
import { readPageFacts } from './page-facts.ts';

const facts = (html: string) => readPageFacts(html, 'index.html', 'https://blog.example/');

describe('readPageFacts', () => {
  it('reads the head: title, metas by name or property, links and robots directives', () => {
    const page = facts(
      '<html lang="en-GB"><head><title>Fish &amp; chips</title><meta name="Description" content="About fish"><meta property="og:title" content="Fish">' +
        '<meta name="robots" content="NOINDEX, follow"><link rel="canonical" href="https://blog.example/"><link rel="alternate" type="application/RSS+xml" href="/rss.xml"><link rel="sitemap" href="/sitemap-index.xml"></head><body data-template="home"></body></html>',
    );
    expect(page.titles).toEqual(['Fish & chips']);
    expect(page.lang).toBe('en-GB');
    expect(page.template).toBe('home');
    expect(Object.fromEntries(page.metas)).toEqual({ description: ['About fish'], 'og:title': ['Fish'], robots: ['NOINDEX, follow'] });
    expect(page.robots).toEqual(['noindex', 'follow']);
    expect(page.links).toEqual([
      { rel: ['canonical'], href: 'https://blog.example/', type: undefined },
      { rel: ['alternate'], href: '/rss.xml', type: 'application/rss+xml' },
      { rel: ['sitemap'], href: '/sitemap-index.xml', type: undefined },
    ]);
    // The canonical page and the sitemap are pointers, not files the page loads; their own rules check them.
    expect(page.resources).toEqual([{ element: 'link', url: '/rss.xml' }]);
  });

  it('names links as assistive technology does: aria-label first, hidden text left out, image alt included', () => {
    const page = facts(
      '<a href="/a/" aria-label="Link to section: Setup"><span aria-hidden="true">#</span></a>' +
        '<a href="/b/">Read <span aria-hidden="true">→</span> the <em>guide</em></a>' +
        '<a href="/"><img src="/logo.png" alt="Home"></a>' +
        '<a href="/c/" aria-describedby="note">More</a>',
    );
    expect(page.anchors).toEqual([
      { href: '/a/', name: 'Link to section: Setup', described: false },
      { href: '/b/', name: 'Read the guide', described: false },
      { href: '/', name: 'Home', described: false },
      { href: '/c/', name: 'More', described: true },
    ]);
  });

  it('reads headings with their text, ids, images, dates and JSON-LD, ignoring SVG titles', () => {
    const page = facts(
      '<h1>Main <code>title</code></h1><svg><title>icon</title></svg><h2 id="next">Next</h2><a name="old-anchor"></a>' +
        '<img src="/a.png" srcset="/a.png 1x, /a@2x.png 2x" alt="" width="10"><time datetime="2026-03-10" data-date="published">10 March</time>' +
        '<script type="application/ld+json">{"@type":"WebSite"}</script><script src="/app.js"></script>',
    );
    expect(page.headings).toEqual([
      { level: 1, text: 'Main title' },
      { level: 2, text: 'Next' },
    ]);
    expect(page.titles).toEqual([]);
    expect([...page.ids]).toEqual(['next', 'old-anchor']);
    expect(page.images).toEqual([{ src: '/a.png', alt: '', width: '10', height: undefined }]);
    expect(page.times).toEqual([{ role: 'published', datetime: '2026-03-10', text: '10 March' }]);
    expect(page.jsonLd).toEqual(['{"@type":"WebSite"}']);
    expect(page.resources.map((resource) => resource.url)).toEqual(['/a.png', '/a.png', '/a@2x.png', '/app.js']);
  });

  it('collects insecure http: URLs from any attribute', () => {
    expect(facts('<a href="http://blog.example/x">x</a><meta property="og:image" content="HTTP://cdn.example/a.png">').insecureUrls).toEqual([
      'http://blog.example/x',
      'HTTP://cdn.example/a.png',
    ]);
  });
});
