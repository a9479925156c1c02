import { resolveOnSite } from '../../urls.ts';
import { normaliseUrl } from '../dist-urls.ts';
import type { SiteRule, SiteRuleFinding } from '../types.ts';

// The scheme has its own check below; this compares the rest of the address.
const withoutScheme = (url: string) => url.replace(/^https?:/, '');

export const sitemapUrlsExist: SiteRule = {
  id: 'sitemap-urls-exist',
  scope: 'site',
  description: 'Every sitemap URL is an absolute URL on the site that a built page answers, written as that page’s own URL.',
  defaultLevel: 'error',
  check(site, context) {
    if (!site.sitemap) return [];
    const sitemapFile = site.sitemap.files.at(-1) ?? 'sitemap-index.xml';
    const findings: SiteRuleFinding[] = [];
    const pagesByFile = new Map(site.pages.map((page) => [page.file, page]));
    for (const url of site.sitemap.urls) {
      const target = /^https?:\/\//.test(url) ? resolveOnSite(url, context.policy.site, context.policy.site) : undefined;
      if (!target) {
        findings.push({ page: sitemapFile, message: `The sitemap lists ${url}, which is not an absolute URL on ${context.policy.site}.`, fix: 'List only absolute URLs of this site (set the site URL in src/site.config.ts or SITE_URL).' });
        continue;
      }
      const file = target.candidates.find((candidate) => site.dist.has(candidate));
      const page = file === undefined ? undefined : pagesByFile.get(file);
      if (file === undefined) {
        findings.push({ page: sitemapFile, message: `The sitemap lists ${url}, but no page is built there.`, fix: 'Generate the sitemap from the built pages, so it cannot list a page that does not exist.' });
      } else if (page && !page.notFound && withoutScheme(normaliseUrl(url) ?? url) !== withoutScheme(page.url)) {
        findings.push({ page: sitemapFile, message: `The sitemap lists ${url}, but that page's URL is ${page.url}.`, fix: 'List each page by the URL its canonical link gives (src/seo/urls.ts).' });
      } else if (new URL(url).protocol !== new URL(context.policy.site).protocol) {
        findings.push({ page: sitemapFile, message: `The sitemap lists ${url} with the wrong scheme.`, fix: `Use ${new URL(context.policy.site).protocol} like the site URL.` });
      }
    }
    return findings;
  },
};
