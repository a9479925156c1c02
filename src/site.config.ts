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
  // The editor, named in every post's author block and JSON-LD; content/pages/about.md introduces them.
  author: {
    name: 'Nell Harrow',
    url: 'https://urban-haze.example/about/',
    bio: 'Editor of Urban Haze. Nell has fixed family PCs, home networks and photo libraries since Windows 7, and writes each fix down so you can do it yourself.',
    avatar: '/avatar.svg',
  },
  publisher: { type: 'Organization', name: 'Urban Haze', logo: '/logo.png' },
  social: [{ label: 'GitHub', url: 'https://github.com/urban-haze' }],
  twitter: { handle: '@urbanhaze' },
  // Comments stay off until the owner fills these in from https://giscus.app.
  giscus: undefined,
  email: 'hello@urban-haze.example',
  postsPerPage: 5,
  tocMinHeadings: 3,
  // Lighthouse after every build, on the pages whose inputs changed; budgets and their defaults are in
  // src/config/audit-schema.ts.
  audit: {},

  // Owner text: the About page and the promo note are Markdown in content/pages/ (README "Owner pages").
  // The promo note (content/pages/promo.md) ends every post unless the post says promo: false.
  promo: true,
  // IndexNow: off until a key is set. Prefer the INDEXNOW_KEY environment variable (a CI setting) to
  // writing the key here; README "Tell search engines what changed (IndexNow)".
  indexNow: {},
};

export const siteConfig = parseSiteConfig(settings, process.env, { configFile: 'src/site.config.ts' });
export const buildEnv = readBuildEnv(process.env, siteConfig.timezone);
