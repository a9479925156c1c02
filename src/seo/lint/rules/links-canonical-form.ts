import type { SiteRule, SiteRuleFinding } from '../types.ts';
import { internalLinks, shortUrl } from './helpers.ts';

export const linksCanonicalForm: SiteRule = {
  id: 'links-canonical-form',
  scope: 'site',
  description: 'Internal links use each page’s canonical URL (trailing slash, .html), so no click or crawl goes through a redirect.',
  defaultLevel: 'warn',
  check(site, context) {
    const findings: SiteRuleFinding[] = [];
    // internalLinks lists each href once per page; a #fragment on the page itself reaches its own URL.
    for (const link of internalLinks(site, context)) {
      if (!link.target || link.target.notFound) continue;
      // Both URLs are already normalised by the URL parser, so plain strings compare.
      const query = link.url.indexOf('?');
      if ((query === -1 ? link.url : link.url.slice(0, query)) === link.target.url) continue;
      findings.push({
        page: link.from.url,
        message: `The link to ${link.href} reaches ${shortUrl(link.target.url)} only through a redirect or a duplicate URL.`,
        fix: `Link to ${shortUrl(link.target.url)} (in Markdown any form works: the build rewrites /posts/<slug> links).`,
        evidence: link.href,
      });
    }
    return findings;
  },
};
