import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { distFileCandidates, readHeadFacts, sitemapEntry } from '../seo/sitemap.ts';

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
      const file = distFileCandidates(item.url, site)
        .flatMap((candidate) => (candidate.endsWith('/index.html') ? [candidate, candidate.replace(/\/index\.html$/, '.html')] : [candidate]))
        .map((candidate) => join(outDir, candidate))
        .find((candidate) => candidate.endsWith('.html') && existsSync(candidate));
      if (!file) return undefined;
      const entry = sitemapEntry(readHeadFacts(readFileSync(file, 'utf8')), site);
      if (!entry.include) return undefined;
      return { url: entry.loc, ...(entry.lastmod ? { lastmod: entry.lastmod } : {}) };
    },
  });
  // The capture hook must run before the sitemap's own build:done hook.
  return [capture, generator];
}
