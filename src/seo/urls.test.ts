import { describe, expect, it } from 'vitest';
import { absoluteUrl, distFileCandidates, formatRoutePath, routeHref, routeOutputFile, routes, type BuildFormat, type TrailingSlash } from './urls.ts';

describe('formatRoutePath', () => {
  it.each([
    { trailingSlash: 'always', format: 'directory', post: '/posts/a/', home: '/', feed: '/rss.xml' },
    { trailingSlash: 'ignore', format: 'directory', post: '/posts/a/', home: '/', feed: '/rss.xml' },
    { trailingSlash: 'never', format: 'directory', post: '/posts/a', home: '/', feed: '/rss.xml' },
    { trailingSlash: 'always', format: 'file', post: '/posts/a.html', home: '/', feed: '/rss.xml' },
    { trailingSlash: 'ignore', format: 'file', post: '/posts/a.html', home: '/', feed: '/rss.xml' },
    { trailingSlash: 'never', format: 'file', post: '/posts/a', home: '/', feed: '/rss.xml' },
  ] as const)('trailingSlash $trailingSlash with $format pages: $post', ({ trailingSlash, format, post, home, feed }) => {
    const policy = { trailingSlash, format };
    expect(formatRoutePath(routes.post('a'), policy)).toBe(post);
    expect(formatRoutePath(routes.home, policy)).toBe(home);
    expect(formatRoutePath(routes.feed, policy)).toBe(feed);
  });

  it('keeps a fragment after the formatted path', () => {
    expect(formatRoutePath('/about/#contact', { trailingSlash: 'never', format: 'directory' })).toBe('/about#contact');
    expect(formatRoutePath('/about/#contact', { trailingSlash: 'always', format: 'directory' })).toBe('/about/#contact');
  });
});

describe('absoluteUrl and routeHref', () => {
  const policy = { site: 'https://example.com/', trailingSlash: 'always' as TrailingSlash, format: 'directory' as BuildFormat };

  it('joins the route to the site URL', () => {
    expect(absoluteUrl(routes.post('a'), policy)).toBe('https://example.com/posts/a/');
    expect(absoluteUrl(routes.home, policy)).toBe('https://example.com/');
    expect(routeHref(routes.tag('seo', 2), policy)).toBe('/tags/seo/page/2/');
  });

  it('keeps a base path in the site URL', () => {
    const based = { ...policy, site: 'https://example.com/blog/' };
    expect(absoluteUrl(routes.home, based)).toBe('https://example.com/blog/');
    expect(absoluteUrl(routes.feed, based)).toBe('https://example.com/blog/rss.xml');
    expect(routeHref(routes.post('a'), { ...based, site: 'https://example.com/blog' })).toBe('/blog/posts/a/');
  });

  it('percent-encodes Unicode slugs after normalising them to NFC', () => {
    expect(absoluteUrl(routes.post('cafe\u0301'), policy)).toBe('https://example.com/posts/caf%C3%A9/');
    expect(absoluteUrl(routes.post('café'), policy)).toBe('https://example.com/posts/caf%C3%A9/');
    expect(absoluteUrl(routes.post('日本語'), policy)).toBe('https://example.com/posts/%E6%97%A5%E6%9C%AC%E8%AA%9E/');
  });
});

describe('routeOutputFile', () => {
  it.each([
    { route: '/', format: 'directory', file: 'index.html' },
    { route: '/posts/a/', format: 'directory', file: 'posts/a/index.html' },
    { route: '/posts/a/', format: 'file', file: 'posts/a.html' },
    { route: '/rss.xml', format: 'file', file: 'rss.xml' },
  ] as const)('$route is written to $file for $format builds', ({ route, format, file }) => {
    expect(routeOutputFile(route, format)).toBe(file);
  });
});

const site = 'https://example.com/';

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
