// The smallest valid site settings, shared by the unit tests that need a site config.
import type { SiteConfigInput } from './site-schema.ts';

export const minimalSettings: SiteConfigInput = {
  url: 'https://example.com',
  title: 'Example',
  description: 'An example site.',
  language: 'en-GB',
  timezone: 'Europe/London',
  author: { name: 'Ann Author', url: 'https://example.com/about/' },
  publisher: { type: 'Organization', name: 'Example Ltd', logo: '/logo.png' },
};
