import { describe, expect, it } from 'vitest';
import { parseFeed, parseLlmsTxt, parseRobots, parseSitemap } from './site-files.ts';

describe('parseRobots', () => {
  const robots = parseRobots(
    [
      'User-agent: *',
      'Disallow: /',
      '',
      '# Googlebot gets its own group',
      'User-agent: Googlebot',
      'User-agent: Bingbot',
      'Disallow: /private/',
      'Allow: /private/open/',
      'Disallow: /*.pdf$',
      'Disallow: /tmp',
      'Allow: /tmp',
      '',
      'Sitemap: https://blog.example/sitemap-index.xml',
    ].join('\n'),
  );

  it.each([
    { path: '/', allowed: true },
    { path: '/private/notes/', allowed: false },
    { path: '/private/open/page/', allowed: true },
    { path: '/files/report.pdf', allowed: false },
    { path: '/files/report.pdf?download=1', allowed: true },
    { path: '/tmp/x', allowed: true },
  ])('lets Googlebot crawl $path: $allowed', ({ path, allowed }) => {
    expect(robots.allows(path)).toBe(allowed);
  });

  it('reads Sitemap lines and notices a file that blocks everything', () => {
    expect(robots.sitemaps).toEqual(['https://blog.example/sitemap-index.xml']);
    expect(robots.blocksEverything).toBe(false);
    expect(parseRobots('User-agent: *\nDisallow: /\n').blocksEverything).toBe(true);
    expect(parseRobots('User-agent: *\nDisallow:\n').allows('/anything')).toBe(true);
  });
});

describe('parseSitemap', () => {
  it('reads an index and a URL set', () => {
    expect(parseSitemap('<sitemapindex><sitemap><loc> https://a.example/s-0.xml </loc></sitemap></sitemapindex>')).toEqual({
      kind: 'index',
      locs: ['https://a.example/s-0.xml'],
      lastmods: {},
      problems: [],
    });
    expect(parseSitemap('<urlset><url><loc>https://a.example/?a=1&amp;b=2</loc></url></urlset>').locs).toEqual(['https://a.example/?a=1&b=2']);
  });

  it('pairs each URL with its lastmod, in either order, and leaves out URLs without one', () => {
    const sitemap = parseSitemap(
      '<urlset><url><loc>https://a.example/a/</loc><lastmod>2026-03-10</lastmod></url>' +
        '<url><lastmod> 2026-04-01T10:00:00Z </lastmod><loc>https://a.example/b/</loc></url><url><loc>https://a.example/c/</loc></url></urlset>',
    );
    expect(sitemap.locs).toEqual(['https://a.example/a/', 'https://a.example/b/', 'https://a.example/c/']);
    expect(sitemap.lastmods).toEqual({ 'https://a.example/a/': '2026-03-10', 'https://a.example/b/': '2026-04-01T10:00:00Z' });
  });

  it('reports a file that is not a sitemap', () => {
    expect(parseSitemap('<html></html>').problems).toEqual(['it has neither <urlset> nor <sitemapindex> as its root']);
  });
});

describe('parseFeed', () => {
  it('reads RSS item links and Atom entry links, and accepts self-closing tags', () => {
    const rss = '<rss><channel><atom:link href="https://a.example/rss.xml" rel="self"/><item><link>https://a.example/posts/a/</link></item></channel></rss>';
    expect(parseFeed(rss, 'rss.xml')).toEqual({ file: 'rss.xml', itemLinks: ['https://a.example/posts/a/'], problems: [] });
    const atom = '<feed><entry><link rel="alternate" href="https://a.example/posts/b/"/><link rel="edit" href="x"/></entry></feed>';
    expect(parseFeed(atom, 'atom.xml').itemLinks).toEqual(['https://a.example/posts/b/']);
  });
});

describe('parseLlmsTxt', () => {
  it('reads the title and each section’s links, unescaping brackets in link text', () => {
    const text = '# Site\n\n> What it is.\n\nSome notes.\n- a note that is not a link\n\n## Posts\n\n- [A \\[draft\\] post](https://a.example/posts/a/): notes\n- [B](https://a.example/posts/b/)\n\n## Optional\n\n- [About](https://a.example/about/)\n';
    expect(parseLlmsTxt(text, 'llms.txt')).toEqual({
      file: 'llms.txt',
      title: 'Site',
      links: [
        { text: 'A [draft] post', url: 'https://a.example/posts/a/', section: 'Posts' },
        { text: 'B', url: 'https://a.example/posts/b/', section: 'Posts' },
        { text: 'About', url: 'https://a.example/about/', section: 'Optional' },
      ],
      problems: [],
    });
  });

  it('names what breaks the proposal’s layout: no title, no summary, a second title, a list item that is not a link', () => {
    expect(parseLlmsTxt('Site\n\n## Posts\n', 'llms.txt').problems).toEqual(['it does not start with a "# " title (the site\'s name)']);
    expect(parseLlmsTxt('# Site\n\n## Posts\n\n- [A](https://a.example/a (x))\n- just text\n# Again\n', 'llms.txt').problems).toEqual([
      'the title is not followed by a "> " summary',
      'line 5 is not a link of the form "- [title](absolute URL): notes"',
      'line 6 is not a link of the form "- [title](absolute URL): notes"',
      'line 7 is a second "# " title',
    ]);
  });
});
