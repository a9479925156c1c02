import { describe, expect, it } from 'vitest';
import { resolveOnSite, type UrlPolicy } from '../urls.ts';
import { pageRoute, pageUrl } from './dist-urls.ts';

describe('pageRoute and pageUrl', () => {
  it.each([
    { file: 'index.html', format: 'directory', trailingSlash: 'always', url: 'https://a.example/' },
    { file: 'posts/a/index.html', format: 'directory', trailingSlash: 'always', url: 'https://a.example/posts/a/' },
    { file: 'posts/a/index.html', format: 'directory', trailingSlash: 'never', url: 'https://a.example/posts/a' },
    { file: 'posts/a.html', format: 'file', trailingSlash: 'always', url: 'https://a.example/posts/a.html' },
    { file: 'posts/a.html', format: 'file', trailingSlash: 'never', url: 'https://a.example/posts/a' },
    { file: 'posts/café/index.html', format: 'directory', trailingSlash: 'always', url: 'https://a.example/posts/caf%C3%A9/' },
    { file: '404.html', format: 'directory', trailingSlash: 'always', url: 'https://a.example/404.html' },
  ] as const)('$file ($format, $trailingSlash) is served at $url', ({ file, format, trailingSlash, url }) => {
    expect(pageUrl(file, { site: 'https://a.example/', format, trailingSlash })).toBe(url);
  });

  it('keeps the route of a file format page in the canonical directory form', () => {
    expect(pageRoute('posts/a.html', 'file')).toBe('/posts/a/');
  });
});

describe('resolveOnSite', () => {
  const policy: UrlPolicy = { site: 'https://a.example/blog/', format: 'directory', trailingSlash: 'always' };
  it.each([
    { href: '/blog/posts/a/#x', candidates: ['posts/a/index.html'], fragment: 'x' },
    { href: 'http://a.example/blog/posts/a', candidates: ['posts/a.html', 'posts/a/index.html'], fragment: '' },
    { href: '../../', candidates: ['index.html'], fragment: '' },
    { href: '/blog/rss.xml', candidates: ['rss.xml'], fragment: '' },
    { href: '/blog/posts/caf%C3%A9/', candidates: ['posts/café/index.html'], fragment: '' },
  ])('resolves $href from a post to $candidates', ({ href, candidates, fragment }) => {
    expect(resolveOnSite(href, 'https://a.example/blog/posts/b/', policy.site)).toMatchObject({ candidates, fragment });
  });

  it.each(['https://other.example/blog/', '/elsewhere/', 'mailto:a@a.example'])('leaves %s alone: it is not on the site', (href) => {
    expect(resolveOnSite(href, 'https://a.example/blog/', policy.site)).toBeUndefined();
  });
});
