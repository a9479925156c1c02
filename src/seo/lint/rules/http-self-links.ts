import type { PageRule } from '../types.ts';

export const httpSelfLinks: PageRule = {
  id: 'http-self-links',
  scope: 'page',
  description: 'No link or resource points to the site itself over http:, which redirects at best and is blocked as mixed content at worst.',
  defaultLevel: 'error',
  check(page, context) {
    const site = new URL(context.policy.site);
    if (site.protocol !== 'https:') return [];
    const insecure = new Set(page.insecureUrls.filter((url) => URL.canParse(url) && new URL(url).host === site.host));
    return [...insecure].map((url) => ({
      message: `${url} points to this site over http:.`,
      fix: `Link to https://${url.slice('http://'.length)} (or a site-relative path).`,
      evidence: url,
    }));
  },
};
