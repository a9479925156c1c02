import type { SiteRule, SiteRuleFinding } from '../types.ts';
import { firstMeta, indexablePagesSharing, othersIn, whereToFix } from './helpers.ts';

export const descriptionUnique: SiteRule = {
  id: 'description-unique',
  scope: 'site',
  description: 'No two indexable pages share a meta description; each result should say what is different about its page.',
  defaultLevel: 'error',
  check(site, context) {
    const findings: SiteRuleFinding[] = [];
    for (const group of indexablePagesSharing(site.pages, (page) => firstMeta(page, 'description')?.trim()).values()) {
      for (const page of group) {
        findings.push({
          page: page.url,
          message: `The meta description is the same as on ${othersIn(group, page)}.`,
          fix: `Describe what this page offers (${whereToFix(page, context, 'description:', 'the page description')}).`,
          evidence: 'description:',
        });
      }
    }
    return findings;
  },
};
