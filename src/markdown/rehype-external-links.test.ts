import { describe, expect, it } from 'vitest';
import { describeMarkdownFixtures } from '../../tests/helpers/markdown-fixtures.ts';
import rehypeExternalLinks, { isExternalHref, type ExternalLinkOptions } from './rehype-external-links.ts';

describeMarkdownFixtures('rehype-external-links', (options) => ({
  rehypePlugins: [[rehypeExternalLinks, options as unknown as ExternalLinkOptions]],
}));

describe('isExternalHref', () => {
  const site = 'https://urban-haze.example/blog/';
  it.each([
    { href: 'https://example.org/', external: true },
    { href: '//cdn.example.org/a.js', external: true },
    { href: 'http://urban-haze.example/blog/a/', external: false },
    { href: 'https://urban-haze.example/elsewhere/', external: false },
    { href: '/posts/a/', external: false },
    { href: 'mailto:a@example.org', external: false },
    { href: 'https://', external: false },
  ])('$href is external: $external', ({ href, external }) => {
    expect(isExternalHref(href, site)).toBe(external);
  });
});
