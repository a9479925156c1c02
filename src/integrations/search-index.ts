import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { isSearchablePage } from '../search/search-index.ts';
import { routes } from '../seo/urls.ts';

/** Folder of the search bundle inside dist/; the search page loads `pagefind.js` from it. */
export const SEARCH_BUNDLE_DIR = 'pagefind';

function failOn(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Search index: ${step} failed: ${errors.join('; ')}`);
}

async function buildIndex(root: string, logger: AstroIntegrationLogger): Promise<void> {
  const started = performance.now();
  const htmlFiles = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
  // Usually the first post answers this; without any marked page, Pagefind would index every page.
  const anySearchable = htmlFiles.some((file) => isSearchablePage(readFileSync(join(root, file), 'utf8')));
  try {
    const created = await pagefind.createIndex({});
    failOn('starting Pagefind', created.errors);
    const index = created.index;
    if (!index) throw new Error('Search index: Pagefind returned no index');
    let pages = 0;
    if (anySearchable) {
      // Pagefind reads the post pages itself, in parallel; only posts are ever marked.
      const added = await index.addDirectory({ path: root, glob: `${routes.posts.slice(1)}**/*.html` });
      failOn('indexing dist/', added.errors);
      pages = added.page_count;
    }
    failOn('writing the index', (await index.writeFiles({ outputPath: join(root, SEARCH_BUNDLE_DIR) })).errors);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    logger.info(`indexed ${pages} post${pages === 1 ? '' : 's'} into ${SEARCH_BUNDLE_DIR}/ in ${seconds}s`);
  } finally {
    await pagefind.close();
  }
}

/**
 * Builds the Pagefind index after `astro build`, from the posts marked for search. It works in
 * Pagefind's own process, so `start` only begins it: the integrations between `start` and
 * `finish` run meanwhile on the other core, and `finish` waits for it.
 */
export function searchIndex(): { start: AstroIntegration; finish: AstroIntegration } {
  let indexing: Promise<void> | undefined;
  return {
    start: {
      name: 'urban-haze:search-index',
      hooks: {
        'astro:build:done': ({ dir, logger }) => {
          indexing = buildIndex(fileURLToPath(dir), logger);
          // Reported by `finish`; this only keeps an early failure from counting as unhandled.
          indexing.catch(() => undefined);
        },
      },
    },
    finish: {
      name: 'urban-haze:search-index-finish',
      hooks: {
        'astro:build:done': async () => {
          await indexing;
        },
      },
    },
  };
}
