// One page of each template of the default site (the project's own content), for the browser tests
// that check every template: the CSP and console test, and the accessibility test.
export const SITE_TEMPLATES = [
  { template: 'home', path: '/' },
  { template: 'list', path: '/page/2/' },
  { template: 'post', path: '/posts/windows-firewall-blocked-netsession-win-exe/' },
  { template: 'tag-index', path: '/tags/' },
  { template: 'tag', path: '/tags/seo/' },
  { template: 'archive', path: '/archive/' },
  { template: 'about', path: '/about/' },
  { template: 'search', path: '/search/?q=netsession' },
  { template: 'not-found', path: '/no-such-page/' },
] as const;

/** More posts: the advisory has code blocks; these add a wide table and more code. */
export const POSTS_WITH_CODE_AND_TABLES = [
  { template: 'post', path: '/posts/what-is-using-my-home-internet/' },
  { template: 'post', path: '/posts/core-web-vitals-explained/' },
] as const;
