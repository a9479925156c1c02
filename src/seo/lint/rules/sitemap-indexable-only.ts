import { normaliseUrl } from '../dist-urls.ts';
import type { SiteRule, SiteRuleFinding } from '../types.ts';
import { shortUrl } from './helpers.ts';

export const sitemapIndexableOnly: SiteRule = {
  id: 'sitemap-indexable-only',
  scope: 'site',
  description: 'The sitemap lists no noindex page, no page whose canonical is elsewhere, and not the 404 page.',
  defaultLevel: 'error',
  check(site) {
    if (!site.sitemap) return [];
    const findings: SiteRuleFinding[] = [];
    for (const url of site.sitemap.urls) {
      const page = site.byUrl.get(normaliseUrl(url) ?? url);
      if (!page || page.indexable) continue;
      const why = page.notFound ? 'is the 404 page' : page.noindex ? 'is marked noindex' : 'names another URL as canonical';
      findings.push({
        page: page.url,
        message: `${shortUrl(page.url)} is in the sitemap but ${why}.`,
        fix: 'Leave non-indexable pages out of the sitemap (filter them where the sitemap is generated).',
      });
    }
    return findings;
  },
};
