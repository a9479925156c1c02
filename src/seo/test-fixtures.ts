// Shared, realistic inputs for the SEO unit tests.
import { parseSiteConfig, type SiteConfig } from '../config/site-schema.ts';
import { minimalSettings } from '../config/test-settings.ts';
import type { SocialImage } from './head.ts';
import type { UrlPolicy } from './urls.ts';

export const testSite: SiteConfig = parseSiteConfig({
  ...minimalSettings,
  title: 'Example Site',
  description: 'Guides to everything an example site covers.',
  social: [{ label: 'GitHub', url: 'https://github.com/example' }],
  twitter: { handle: '@example' },
});

export const testUrls: UrlPolicy = { site: testSite.url, trailingSlash: 'always', format: 'directory' };

export const testImage: SocialImage = {
  url: 'https://example.com/og/posts/a.png',
  width: 1200,
  height: 630,
  alt: 'A card',
  type: 'image/png',
};
