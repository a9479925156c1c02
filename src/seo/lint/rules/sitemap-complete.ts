import type { SiteRule, SiteRuleFinding } from '../types.ts';
import { shortUrl } from './helpers.ts';

export const sitemapComplete: SiteRule = {
  id: 'sitemap-complete',
  scope: 'site',
  description: 'A site with indexable pages has a sitemap that can be read and lists every one of them.',
  defaultLevel: 'error',
  check(site) {
    if (!site.sitemap) {
      // A preview build, where every page is noindex, needs no sitemap.
      if (!site.pages.some((page) => page.indexable)) return [];
      return [{ page: 'sitemap-index.xml', message: 'The site has no sitemap (sitemap-index.xml or sitemap.xml).', fix: 'Generate one at build time (@astrojs/sitemap) and name it in robots.txt.' }];
    }
    const findings: SiteRuleFinding[] = site.sitemap.problems.map((problem) => ({
      page: site.sitemap!.files[0] ?? 'sitemap-index.xml',
      message: `The sitemap cannot be read cleanly: ${problem}.`,
      fix: 'Write sitemaps with an XML library (as @astrojs/sitemap does), never by string concatenation.',
    }));
    const listed = new Set(site.sitemap.urls);
    for (const page of site.pages) {
      if (!page.indexable || listed.has(page.url)) continue;
      findings.push({
        page: page.url,
        message: `${shortUrl(page.url)} is indexable but not in the sitemap.`,
        fix: 'List it in the sitemap with exactly this URL, or mark the page noindex if it should not be found.',
      });
    }
    return findings;
  },
};
