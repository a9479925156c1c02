import { describe, expect, it } from 'vitest';
import { robotsTxt } from './robots.ts';

describe('robotsTxt', () => {
  it('allows everything on a live site and names the sitemap absolutely', () => {
    expect(robotsTxt({ preview: false, sitemapUrl: 'https://example.com/sitemap-index.xml' })).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://example.com/sitemap-index.xml\n',
    );
  });

  it('has no Sitemap line when the sitemap is switched off', () => {
    expect(robotsTxt({ preview: false })).toBe('User-agent: *\nAllow: /\n');
  });

  it('disallows everything on a preview build', () => {
    expect(robotsTxt({ preview: true, sitemapUrl: 'https://example.com/sitemap-index.xml' })).toContain('Disallow: /\n');
  });
});
