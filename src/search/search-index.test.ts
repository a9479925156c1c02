import { describe, expect, it } from 'vitest';
import { routeOutputFile, type BuildFormat, type TrailingSlash } from '../seo/urls.ts';
import { isSearchablePage, routeOfOutputFile, searchBodyAttributes, searchResultUrl } from './search-index.ts';

describe('which pages are searched', () => {
  it.each([
    { html: '<h1 data-pagefind-body>T</h1>', searchable: true },
    { html: '<div class="content" data-pagefind-body="">x</div>', searchable: true },
    { html: '<p>Mention data-pagefind-body in text</p>', searchable: false },
    { html: '<code>&lt;div data-pagefind-body&gt;</code>', searchable: false },
    { html: '<div data-pagefind-body-extra>x</div>', searchable: false },
    { html: '<main>no marker</main>', searchable: false },
  ])('$html → $searchable', ({ html, searchable }) => {
    expect(isSearchablePage(html)).toBe(searchable);
  });

  it('marks indexable posts only', () => {
    expect(searchBodyAttributes(true)).toEqual({ 'data-pagefind-body': '' });
    expect(searchBodyAttributes(false)).toEqual({});
  });
});

describe('search result URLs', () => {
  it.each(['directory', 'file'] as const)('recover the route from any built file (%s format)', (format: BuildFormat) => {
    for (const route of ['/', '/posts/a/', '/posts/nested/b/', '/tags/seo/page/2/'] as const) {
      expect(routeOfOutputFile(routeOutputFile(route, format))).toBe(route);
    }
  });

  it.each([
    { trailingSlash: 'always', format: 'directory', file: 'posts/a/index.html', url: '/blog/posts/a/' },
    { trailingSlash: 'never', format: 'directory', file: 'posts/a/index.html', url: '/blog/posts/a' },
    { trailingSlash: 'always', format: 'file', file: 'posts/a.html', url: '/blog/posts/a.html' },
    { trailingSlash: 'never', format: 'file', file: 'posts/a.html', url: '/blog/posts/a' },
  ] as const)('are the site’s own links: $trailingSlash/$format → $url', ({ trailingSlash, format, file, url }) => {
    const policy = { site: 'https://example.com/blog/', trailingSlash: trailingSlash as TrailingSlash, format: format as BuildFormat };
    expect(searchResultUrl(file, policy)).toBe(url);
  });

  it('percent-encodes non-ASCII slugs like every other link', () => {
    expect(searchResultUrl('posts/café/index.html', { site: 'https://example.com/', trailingSlash: 'always', format: 'directory' })).toBe('/posts/caf%C3%A9/');
  });
});
