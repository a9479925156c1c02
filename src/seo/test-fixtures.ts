// Shared, realistic inputs for the SEO unit tests.
import { parseSiteConfig, type SiteConfig } from '../config/site-schema.ts';
import type { SocialImage } from './head.ts';
import type { UrlPolicy } from './urls.ts';

export const testSite: SiteConfig = parseSiteConfig({
  url: 'https://example.com',
  title: 'Example Site',
  description: 'Guides to everything an example site covers.',
  language: 'en-GB',
  timezone: 'Europe/London',
  author: { name: 'Ann Author', url: 'https://example.com/about/' },
  publisher: { type: 'Organization', name: 'Example Ltd', logo: '/logo.png' },
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
