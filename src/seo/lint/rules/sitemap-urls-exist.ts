import { resolveOnSite } from '../dist-urls.ts';
import type { SiteRule, SiteRuleFinding } from '../types.ts';

export const sitemapUrlsExist: SiteRule = {
  id: 'sitemap-urls-exist',
  scope: 'site',
  description: 'Every sitemap URL is an absolute URL on the site that a built page answers.',
  defaultLevel: 'error',
  check(site, context) {
    if (!site.sitemap) return [];
    const sitemapFile = site.sitemap.files.at(-1) ?? 'sitemap-index.xml';
    const findings: SiteRuleFinding[] = [];
    for (const url of site.sitemap.urls) {
      const target = /^https?:\/\//.test(url) ? resolveOnSite(url, context.policy.site, context.policy.site) : undefined;
      if (!target) {
        findings.push({ page: sitemapFile, message: `The sitemap lists ${url}, which is not an absolute URL on ${context.policy.site}.`, fix: 'List only absolute URLs of this site (set the site URL in src/site.config.ts or SITE_URL).' });
      } else if (!target.candidates.some((candidate) => site.dist.has(candidate))) {
        findings.push({ page: sitemapFile, message: `The sitemap lists ${url}, but no page is built there.`, fix: 'Generate the sitemap from the built pages, so it cannot list a page that does not exist.' });
      } else if (new URL(url).protocol !== new URL(context.policy.site).protocol) {
        findings.push({ page: sitemapFile, message: `The sitemap lists ${url} with the wrong scheme.`, fix: `Use ${new URL(context.policy.site).protocol} like the site URL.` });
      }
    }
    return findings;
  },
};
