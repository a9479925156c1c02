// The site owner's settings. Every field is documented in src/config/site-schema.ts,
// which validates them when the build starts.
import { readBuildEnv } from './config/build-env.ts';
import { parseSiteConfig, type SiteConfigInput } from './config/site-schema.ts';

const settings: SiteConfigInput = {
  url: 'https://urban-haze.example',
  title: 'Urban Haze',
  description:
    'Plain-English guides to the Internet, IT, digital photography and search engine optimisation, from the Urban Haze team.',
  language: 'en-GB',
  timezone: 'Europe/London',
  author: { name: 'Urban Haze', url: 'https://urban-haze.example/about/' },
  publisher: { type: 'Organization', name: 'Urban Haze', logo: '/logo.png' },
  social: [{ label: 'GitHub', url: 'https://github.com/urban-haze' }],
  twitter: { handle: '@urbanhaze' },
  // Comments stay off until the owner fills these in from https://giscus.app.
  giscus: undefined,
  email: 'hello@urban-haze.example',
  contactUrl: '/about/#contact',
  postsPerPage: 5,
  tocMinHeadings: 3,
  // Lighthouse after every build, on the pages whose inputs changed; budgets and their defaults are in
  // src/config/audit-schema.ts.
  audit: {},
  // IndexNow: off until a key is set. Prefer the INDEXNOW_KEY environment variable (a CI setting) to
  // writing the key here; README "Tell search engines what changed (IndexNow)".
  indexNow: {},
};

export const siteConfig = parseSiteConfig(settings, process.env, { configFile: 'src/site.config.ts' });
export const buildEnv = readBuildEnv(process.env, siteConfig.timezone);
