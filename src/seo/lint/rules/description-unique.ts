import type { SiteRule, SiteRuleFinding } from '../types.ts';
import { firstMeta, shortUrl, whereToFix } from './helpers.ts';

export const descriptionUnique: SiteRule = {
  id: 'description-unique',
  scope: 'site',
  description: 'No two indexable pages share a meta description; each result should say what is different about its page.',
  defaultLevel: 'error',
  check(site, context) {
    const byDescription = new Map<string, typeof site.pages>();
    for (const page of site.pages) {
      const description = firstMeta(page, 'description')?.trim();
      if (!page.indexable || !description) continue;
      byDescription.set(description, [...(byDescription.get(description) ?? []), page]);
    }
    const findings: SiteRuleFinding[] = [];
    for (const pages of byDescription.values()) {
      if (pages.length < 2) continue;
      for (const page of pages) {
        const others = pages.filter((other) => other !== page).map((other) => shortUrl(other.url));
        findings.push({
          page: page.url,
          message: `The meta description is the same as on ${others.join(', ')}.`,
          fix: `Describe what this page offers (${whereToFix(page, context, 'description:', 'the page description')}).`,
          evidence: 'description:',
        });
      }
    }
    return findings;
  },
};
