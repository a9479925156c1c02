import type { SiteRule } from '../types.ts';
import { internalLinks, shortUrl } from './helpers.ts';

export const orphanPosts: SiteRule = {
  id: 'orphan-posts',
  scope: 'site',
  description: 'Every indexable post is linked from at least one other page, so readers and crawlers can reach it.',
  defaultLevel: 'warn',
  check(site, context) {
    const linked = new Set<string>();
    for (const link of internalLinks(site, context)) if (link.target && link.target !== link.from) linked.add(link.target.url);
    return site.pages
      .filter((page) => page.template === 'post' && page.indexable && !linked.has(page.url))
      .map((page) => ({
        page: page.url,
        message: `No other page links to ${shortUrl(page.url)}.`,
        fix: 'Link to it from a related post, and check that lists, tag pages and the archive include it.',
      }));
  },
};
