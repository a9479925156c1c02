import type { SiteRule, SiteRuleFinding } from '../types.ts';
import { internalLinks, shortUrl } from './helpers.ts';

export const linksInternal: SiteRule = {
  id: 'links-internal',
  scope: 'site',
  description: 'Every link to the site leads to a built page or file, and every #fragment to an element on that page.',
  defaultLevel: 'error',
  check(site, context) {
    const findings: SiteRuleFinding[] = [];
    // internalLinks lists each href once per page, so a page that repeats a broken link hears about it once.
    for (const link of internalLinks(site, context)) {
      if (link.file === undefined) {
        findings.push({
          page: link.from.url,
          message: `The link to ${link.href} leads nowhere: nothing is built at ${shortUrl(link.url)}.`,
          fix: 'Correct the address (a post’s URL is /posts/<slug>/), or remove the link.',
          evidence: link.href,
        });
      } else if (link.target && link.fragment !== '' && link.fragment !== 'top' && !link.target.ids.has(link.fragment)) {
        findings.push({
          page: link.from.url,
          message: `The link to ${link.href} names #${link.fragment}, which is not an id on ${shortUrl(link.target.url)}.`,
          fix: 'Link to an existing section id (headings get ids from their text), or drop the #fragment.',
          evidence: link.href,
        });
      }
    }
    return findings;
  },
};
