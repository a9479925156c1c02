import type { SiteRule } from '../types.ts';
import { shortUrl } from './helpers.ts';

export const robotsTxtBlocksIndexable: SiteRule = {
  id: 'robots-txt-blocks-indexable',
  scope: 'site',
  description: 'robots.txt lets Googlebot crawl every indexable page.',
  defaultLevel: 'error',
  check(site) {
    const robots = site.robots;
    if (!robots) return [];
    return site.pages
      .filter((page) => page.indexable && !robots.allows(new URL(page.url).pathname))
      .map((page) => ({
        page: page.url,
        message: `robots.txt blocks ${shortUrl(page.url)}, an indexable page.`,
        fix: 'Remove the Disallow rule that matches it, or mark the page noindex if it should not be found.',
      }));
  },
};
