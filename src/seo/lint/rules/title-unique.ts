import type { SiteRule, SiteRuleFinding } from '../types.ts';
import { quote, shortUrl, whereToFix } from './helpers.ts';

export const titleUnique: SiteRule = {
  id: 'title-unique',
  scope: 'site',
  description: 'No two indexable pages share a title; search engines and readers could not tell them apart.',
  defaultLevel: 'error',
  check(site, context) {
    const byTitle = new Map<string, typeof site.pages>();
    for (const page of site.pages) {
      const title = page.titles[0];
      if (!page.indexable || !title) continue;
      byTitle.set(title, [...(byTitle.get(title) ?? []), page]);
    }
    const findings: SiteRuleFinding[] = [];
    for (const [title, pages] of byTitle) {
      if (pages.length < 2) continue;
      for (const page of pages) {
        const others = pages.filter((other) => other !== page).map((other) => shortUrl(other.url));
        findings.push({
          page: page.url,
          message: `The title ${quote(title)} is also the title of ${others.join(', ')}.`,
          fix: `Give each page its own title (${whereToFix(page, context, 'title:', 'the page title')}).`,
          evidence: 'title:',
        });
      }
    }
    return findings;
  },
};
