import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { isSearchablePage, searchResultUrl } from '../search/search-index.ts';
import type { UrlPolicy } from '../seo/urls.ts';

/** Folder of the search bundle inside dist/; the search page loads `pagefind.js` from it. */
export const SEARCH_BUNDLE_DIR = 'pagefind';

function failOn(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Search index: ${step} failed: ${errors.join('; ')}`);
}

/** Builds the Pagefind index right after `astro build`, from the posts marked for search. */
export function searchIndex(options: { urlPolicy: UrlPolicy }): AstroIntegration {
  return {
    name: 'urban-haze:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        const htmlFiles = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html')).sort();
        try {
          const created = await pagefind.createIndex({});
          failOn('starting Pagefind', created.errors);
          const index = created.index;
          if (!index) throw new Error('Search index: Pagefind returned no index');
          let pages = 0;
          for (const file of htmlFiles) {
            const content = readFileSync(join(root, file), 'utf8');
            if (!isSearchablePage(content)) continue;
            const added = await index.addHTMLFile({ url: searchResultUrl(file, options.urlPolicy), content });
            failOn(`indexing ${file}`, added.errors);
            pages += 1;
          }
          failOn('writing the index', (await index.writeFiles({ outputPath: join(root, SEARCH_BUNDLE_DIR) })).errors);
          const seconds = ((performance.now() - started) / 1000).toFixed(2);
          logger.info(`indexed ${pages} post${pages === 1 ? '' : 's'} into ${SEARCH_BUNDLE_DIR}/ in ${seconds}s`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
