import { normaliseUrl } from '../dist-urls.ts';
import type { SiteRule, SiteRuleFinding } from '../types.ts';
import { shortUrl } from './helpers.ts';

export const feedValid: SiteRule = {
  id: 'feed-valid',
  scope: 'site',
  description: 'Each feed is well-formed XML whose items link to built pages by their own URLs, none of them noindex.',
  defaultLevel: 'error',
  check(site) {
    const findings: SiteRuleFinding[] = [];
    for (const feed of site.feeds) {
      for (const problem of feed.problems) {
        findings.push({ page: feed.file, message: `The feed cannot be read cleanly: ${problem}.`, fix: 'Generate it with a feed library (@astrojs/rss) and escape titles and content.' });
      }
      for (const link of feed.itemLinks) {
        const page = site.byUrl.get(normaliseUrl(link) ?? link);
        if (!page) {
          findings.push({ page: feed.file, message: `A feed item links to ${link}, which is not a page of this site in its canonical form.`, fix: 'Use the post’s canonical URL (absolute) as the item link.' });
        } else if ((page.noindex || page.notFound) && !site.robots?.blocksEverything) {
          // A post first published elsewhere (canonical elsewhere) may be in the feed; a noindex one may not,
          // except in a preview build, where every page is noindex and robots.txt blocks everything.
          findings.push({ page: feed.file, message: `A feed item links to ${shortUrl(page.url)}, which is marked noindex.`, fix: 'Leave noindex posts out of the feed.' });
        }
      }
    }
    return findings;
  },
};
