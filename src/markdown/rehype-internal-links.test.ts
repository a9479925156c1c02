import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeMarkdownFixtures } from '../../tests/helpers/markdown-fixtures.ts';
import rehypeInternalLinks, { hrefToRoute, type InternalLinkOptions } from './rehype-internal-links.ts';

describeMarkdownFixtures('rehype-internal-links', (options, fixture) => {
  const resolved = { ...options } as unknown as InternalLinkOptions;
  if (resolved.postsDir !== undefined) resolved.postsDir = join(fixture.directory, resolved.postsDir);
  return { rehypePlugins: [[rehypeInternalLinks, resolved]] };
});

describe('hrefToRoute', () => {
  it.each([
    { href: '/posts/a', site: 'https://a.example/', route: '/posts/a' },
    { href: 'https://a.example/posts/a/#x', site: 'https://a.example/', route: '/posts/a/#x' },
    { href: 'http://a.example/tags/', site: 'https://a.example/', route: '/tags/' },
    { href: '/blog/posts/a/', site: 'https://a.example/blog/', route: '/posts/a/' },
    { href: '/blog', site: 'https://a.example/blog/', route: '/' },
    { href: 'https://b.example/posts/a/', site: 'https://a.example/', route: undefined },
    { href: 'mailto:a@a.example', site: 'https://a.example/', route: undefined },
    { href: 'other-post/', site: 'https://a.example/', route: undefined },
  ])('$href on $site names $route', ({ href, site, route }) => {
    expect(hrefToRoute(href, site)).toBe(route);
  });
});
