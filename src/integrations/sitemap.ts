import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { sitemapEntry } from '../seo/sitemap.ts';
import { distFileCandidates } from '../seo/urls.ts';
import { builtPageHeads } from './page-heads.ts';

/**
 * @astrojs/sitemap, with each URL checked against its built page: pages that say noindex or
 * name another canonical URL are left out, and `lastmod` is the content's own date.
 */
export function seoSitemap(site: string): AstroIntegration[] {
  let outDir = '';
  const capture: AstroIntegration = {
    name: 'urban-haze:sitemap-out-dir',
    hooks: {
      'astro:build:done': ({ dir }) => {
        outDir = fileURLToPath(dir);
      },
    },
  };
  const generator = sitemap({
    namespaces: { news: false, xhtml: false, image: false, video: false },
    serialize(item) {
      // @astrojs/sitemap names pages in directory form (/about/) even under build.format "file" (about.html).
      const heads = builtPageHeads(outDir);
      const facts = distFileCandidates(item.url, site)
        .flatMap((candidate) => (candidate.endsWith('/index.html') ? [candidate, candidate.replace(/\/index\.html$/, '.html')] : [candidate]))
        .map((candidate) => heads.get(candidate))
        .find((found) => found !== undefined);
      if (!facts) return undefined;
      const entry = sitemapEntry(facts, site);
      if (!entry.include) return undefined;
      return { url: entry.loc, ...(entry.lastmod ? { lastmod: entry.lastmod } : {}) };
    },
  });
  // The capture hook must run before the sitemap's own build:done hook.
  return [capture, generator];
}
