import type { SiteRule } from '../types.ts';
import { shortUrl } from './helpers.ts';

export const robotsTxtBlocksNoindex: SiteRule = {
  id: 'robots-txt-blocks-noindex',
  scope: 'site',
  description: 'robots.txt does not block a noindex page: a crawler that may not fetch it never sees the noindex and may index the bare URL.',
  defaultLevel: 'warn',
  check(site) {
    const robots = site.robots;
    // A preview build blocks everything on purpose, and every page is noindex too.
    if (!robots || robots.blocksEverything) return [];
    return site.pages
      .filter((page) => page.noindex && !page.notFound && !robots.allows(new URL(page.url).pathname))
      .map((page) => ({
        page: page.url,
        message: `robots.txt blocks ${shortUrl(page.url)}, so crawlers cannot see its noindex.`,
        fix: 'Let crawlers fetch it (remove the Disallow rule) so they read the noindex and drop it from results.',
      }));
  },
};
