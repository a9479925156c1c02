import { resolveOnSite } from '../../urls.ts';
import type { SiteRule, SiteRuleFinding } from '../types.ts';

export const robotsTxtSitemap: SiteRule = {
  id: 'robots-txt-sitemap',
  scope: 'site',
  description: 'robots.txt exists and names the sitemap by an absolute URL that exists (unless it blocks the whole site, as a preview build does).',
  defaultLevel: 'error',
  check(site, context) {
    const fix = `Generate robots.txt with "Sitemap: ${new URL('sitemap-index.xml', context.policy.site).href}".`;
    if (!site.robots) return [{ page: 'robots.txt', message: 'The site has no robots.txt.', fix }];
    if (site.robots.blocksEverything) return [];
    if (site.robots.sitemaps.length === 0) return [{ page: 'robots.txt', message: 'robots.txt does not name the sitemap.', fix }];
    const findings: SiteRuleFinding[] = [];
    for (const sitemap of site.robots.sitemaps) {
      const target = /^https?:\/\//.test(sitemap) ? resolveOnSite(sitemap, context.policy.site, context.policy.site) : undefined;
      if (!target || !target.candidates.some((candidate) => site.dist.has(candidate))) {
        findings.push({ page: 'robots.txt', message: `robots.txt names the sitemap ${sitemap}, which is not an absolute URL of a file in dist/.`, fix });
      }
    }
    return findings;
  },
};
