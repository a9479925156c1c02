import type { SiteRule, SiteRuleFinding } from '../types.ts';
import { indexablePagesSharing, othersIn, quote, whereToFix } from './helpers.ts';

export const titleUnique: SiteRule = {
  id: 'title-unique',
  scope: 'site',
  description: 'No two indexable pages share a title; search engines and readers could not tell them apart.',
  defaultLevel: 'error',
  check(site, context) {
    const findings: SiteRuleFinding[] = [];
    for (const [title, group] of indexablePagesSharing(site.pages, (page) => page.titles[0])) {
      for (const page of group) {
        findings.push({
          page: page.url,
          message: `The title ${quote(title)} is also the title of ${othersIn(group, page)}.`,
          fix: `Give each page its own title (${whereToFix(page, context, 'title:', 'the page title')}).`,
          evidence: 'title:',
        });
      }
    }
    return findings;
  },
};
