import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { routeHref, routeOutputFile, type BuildFormat, type RoutePath, type TrailingSlash } from '../../src/seo/urls.ts';
import { startDistServer } from './dist-server.ts';
import { parseRobots, parseSitemap } from '../../src/seo/lint/site-files.ts';
import { contentHash, discoverDistPages, discoverRemotePages, pageTemplateOf, pathOfDistFile, sitePathOf } from './site-pages.ts';

const SITE = 'https://urban-haze.example/';
const page = (template: string, extra = '') => `<!doctype html><html lang="en"><head><title>${template}</title>${extra}</head><body data-template="${template}"><main>${template}</main></body></html>`;
const urlset = (...locs: string[]) => `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${locs.map((loc) => `<url><loc>${loc}</loc></url>`).join('')}</urlset>`;
const sitemapIndex = (...locs: string[]) => `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${locs.map((loc) => `<sitemap><loc>${loc}</loc></sitemap>`).join('')}</sitemapindex>`;

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function fakeDist(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'site-pages-'));
  folders.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const builtSite = {
  'index.html': page('home'),
  'posts/a/index.html': page('post'),
  'posts/hidden/index.html': page('post', '<meta name="robots" content="noindex">'),
  'tags/index.html': page('tag-index'),
  '404.html': page('not-found'),
  'google1234.html': 'google-site-verification: google1234.html',
  'sitemap-index.xml': sitemapIndex(`${SITE}sitemap-0.xml`),
  'sitemap-0.xml': urlset(SITE, `${SITE}posts/a/`, `${SITE}tags/`),
};

const discover = (dist: string, site = SITE) => discoverDistPages({ dist, siteUrl: site, trailingSlash: 'always', format: 'directory' });

describe('reading a built page', () => {
  it.each([
    { html: page('post'), expected: 'post' },
    { html: '<body class="x" data-template=\'tag-index\' id="top">', expected: 'tag-index' },
    { html: '<body><p data-template="post">a quote of the markup</p>', expected: undefined },
    { html: 'google-site-verification: google1234.html', expected: undefined },
  ])('finds the template on <body>: $expected', ({ html, expected }) => expect(pageTemplateOf(html)).toBe(expected));

  it('reads sitemap indexes, url sets (entities decoded) and robots.txt Sitemap lines', () => {
    expect(parseSitemap(sitemapIndex('https://a.example/s-0.xml'))).toEqual({ kind: 'index', locs: ['https://a.example/s-0.xml'], lastmods: {}, problems: [] });
    expect(parseSitemap(urlset('https://a.example/?a=1&amp;b=2', 'https://a.example/x/'))).toEqual({ kind: 'urlset', locs: ['https://a.example/?a=1&b=2', 'https://a.example/x/'], lastmods: {}, problems: [] });
    expect(parseRobots('User-agent: *\nAllow: /\n\nsitemap: https://a.example/sitemap-index.xml\r\nSitemap:https://a.example/more.xml').sitemaps).toEqual([
      'https://a.example/sitemap-index.xml',
      'https://a.example/more.xml',
    ]);
  });

  it('maps a sitemap URL to its path on the site, and nothing outside the site', () => {
    expect(sitePathOf('https://example.com/blog/posts/a/', 'https://example.com/blog/')).toBe('/blog/posts/a/');
    expect(sitePathOf('https://example.com/other/', 'https://example.com/blog/')).toBeUndefined();
    expect(sitePathOf('http://localhost:4321/blog/', 'https://example.com/blog/')).toBeUndefined();
  });

  const policies = (['directory', 'file'] as BuildFormat[]).flatMap((format) => (['always', 'never', 'ignore'] as TrailingSlash[]).map((trailingSlash) => ({ format, trailingSlash })));
  it.each(policies)('gives a built file the same URL the site links to ($format, $trailingSlash)', ({ format, trailingSlash }) => {
    for (const site of ['https://example.com/', 'https://example.com/blog/']) {
      for (const route of ['/', '/posts/a/', '/posts/café/', '/tags/seo/page/2/'] as RoutePath[]) {
        const file = routeOutputFile(route, format);
        expect(pathOfDistFile(file, { basePath: new URL(site).pathname, trailingSlash, format })).toBe(routeHref(route, { site, trailingSlash, format }));
      }
    }
  });
});

describe('discovering the pages of a build', () => {
  it('takes the sitemap’s pages as indexable and adds the built pages it leaves out', () => {
    const { pages, sitemapFiles } = discover(fakeDist(builtSite));
    expect(sitemapFiles).toEqual(['sitemap-index.xml', 'sitemap-0.xml']);
    expect(pages.map(({ path, template, indexable }) => ({ path, template, indexable }))).toEqual([
      { path: '/', template: 'home', indexable: true },
      { path: '/404.html', template: 'not-found', indexable: false },
      { path: '/posts/a/', template: 'post', indexable: true },
      { path: '/posts/hidden/', template: 'post', indexable: false },
      { path: '/tags/', template: 'tag-index', indexable: true },
    ]);
    expect(pages[0]!.contentHash).toBe(contentHash(page('home')));
  });

  it('finds the sitemap through robots.txt when it names one', () => {
    const dist = fakeDist({ 'index.html': page('home'), 'robots.txt': `User-agent: *\nAllow: /\nSitemap: ${SITE}custom.xml\n`, 'custom.xml': urlset(SITE) });
    expect(discover(dist).sitemapFiles).toEqual(['custom.xml']);
  });

  it('treats every page of a preview build as noindex on purpose, with or without a sitemap', () => {
    const preview = (dist: string) => discoverDistPages({ dist, siteUrl: SITE, trailingSlash: 'always', format: 'directory', preview: true });
    expect(preview(fakeDist(builtSite)).pages.filter((page) => page.indexable)).toEqual([]);
    const withoutSitemap = preview(fakeDist({ 'index.html': page('home'), 'posts/a/index.html': page('post') }));
    expect(withoutSitemap.pages.map(({ path, indexable }) => [path, indexable])).toEqual([
      ['/', false],
      ['/posts/a/', false],
    ]);
  });

  it('fails clearly when dist/ is missing', () => {
    expect(() => discover('/nonexistent/dist')).toThrow('/nonexistent/dist does not exist. Build the site first (npm run build, or npx astro build), or point --dist at a built site.');
  });

  it('fails clearly when dist/ is empty', () => {
    expect(() => discover(fakeDist({ '.keep': '' }))).toThrow(/holds no HTML pages\. Build the site first/);
  });

  it('fails clearly when there is no sitemap', () => {
    expect(() => discover(fakeDist({ 'index.html': page('home') }))).toThrow(/has no sitemap \(looked for sitemap-index\.xml and sitemap\.xml\)/);
  });

  it('lists the sitemap’s pages that are not in dist/, with the file it expected', () => {
    const dist = fakeDist({ ...builtSite, 'sitemap-0.xml': urlset(SITE, `${SITE}posts/a/`, `${SITE}posts/deleted/`, `${SITE}posts/no-slash`) });
    expect(() => discover(dist)).toThrow(
      /lists 2 page\(s\) that are not in .*:\n {2}- https:\/\/urban-haze\.example\/posts\/deleted\/ \(no posts\/deleted\/index\.html\)\n {2}- https:\/\/urban-haze\.example\/posts\/no-slash \(not a URL form this site serves: trailingSlash "always", build format "directory"\)\nRebuild the site into an empty dist\//,
    );
  });

  it('says when the sitemap was built for another site URL', () => {
    expect(() => discover(fakeDist(builtSite), 'https://elsewhere.example/')).toThrow(/points at https:\/\/urban-haze\.example\/sitemap-0\.xml, which is outside the site URL https:\/\/elsewhere\.example\/\. Audit with the same SITE_URL/);
    const dist = fakeDist({ ...builtSite, 'sitemap-index.xml': urlset('https://staging.example/posts/a/') });
    expect(() => discover(dist)).toThrow(/lists 1 URL\(s\) outside the site URL https:\/\/urban-haze\.example\/[\s\S]*Audit with the same SITE_URL the site was built with/);
  });
});

describe('discovering the pages of a deployed site', () => {
  it('reads its sitemap over HTTP, fetches each page for its template, and adds its 404 page', async () => {
    const root = fakeDist({ 'index.html': page('home'), 'posts/a/index.html': page('post'), '404.html': page('not-found') });
    const server = await startDistServer({ root, policy: { basePath: '/', trailingSlash: 'always', format: 'directory' } });
    try {
      const site = `${server.origin}/`;
      writeFileSync(join(root, 'robots.txt'), `Sitemap: ${site}sitemap-index.xml\n`);
      writeFileSync(join(root, 'sitemap-index.xml'), sitemapIndex(`${site}sitemap-0.xml`));
      writeFileSync(join(root, 'sitemap-0.xml'), urlset(site, `${site}posts/a/`));
      const { pages } = await discoverRemotePages(site);
      expect(pages.map(({ path, template, indexable }) => ({ path, template, indexable }))).toEqual([
        { path: '/', template: 'home', indexable: true },
        { path: '/404.html', template: 'not-found', indexable: false },
        { path: '/posts/a/', template: 'post', indexable: true },
      ]);

      writeFileSync(join(root, 'sitemap-0.xml'), urlset(site, `${site}posts/gone/`));
      await expect(discoverRemotePages(site)).rejects.toThrow(/lists 1 page\(s\) the site does not serve directly:\n {2}- http:\/\/127\.0\.0\.1:\d+\/posts\/gone\/ \(HTTP 404\)/);
    } finally {
      await server.close();
    }
  });
});
