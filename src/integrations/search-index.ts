import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { linkOrCopy, listFiles } from '../lib/files.ts';
import { isSearchablePage, isUnusedBundleFile, SEARCH_BUNDLE_DIR } from '../search/search-index.ts';
import { routes } from '../seo/urls.ts';
import { PROJECT_ROOT } from './project-root.ts';

// Indexes kept in the cache; older ones are removed.
const CACHED_INDEXES = 2;
// Bumped when this integration changes what it leaves in pagefind/, so older cached indexes are not reused.
const OUTPUT_LAYOUT = '2';

function failOn(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Search index: ${step} failed: ${errors.join('; ')}`);
}

/** Hard-links (or copies, across disks) every file of one folder into another. */
function linkTree(from: string, to: string): void {
  for (const file of listFiles(from)) linkOrCopy(join(from, file), join(to, file));
}

/** Everything Pagefind's output depends on: its version and the post pages it reads. */
function indexKey(root: string, postFiles: readonly string[], projectRoot: string): string {
  // pagefind's package.json is not in its exports, so it is read from node_modules directly.
  const hash = createHash('sha256').update(OUTPUT_LAYOUT).update(readFileSync(join(projectRoot, 'node_modules/pagefind/package.json')));
  for (const file of postFiles) hash.update(file).update('\0').update(readFileSync(join(root, file))).update('\0');
  return hash.digest('hex').slice(0, 32);
}

interface IndexOptions {
  root: string;
  projectRoot: string;
  cacheDir: string;
  logger: AstroIntegrationLogger;
}

async function buildIndex({ root, projectRoot, cacheDir, logger }: IndexOptions): Promise<void> {
  const started = performance.now();
  const output = join(root, SEARCH_BUNDLE_DIR);
  const postsFolder = routes.posts.slice(1);
  const postFiles = listFiles(join(root, postsFolder))
    .filter((file) => file.endsWith('.html'))
    .map((file) => `${postsFolder}${file}`)
    .sort();
  const cacheRoot = join(cacheDir, 'search-index');
  const cached = join(cacheRoot, indexKey(root, postFiles, projectRoot));
  const seconds = () => ((performance.now() - started) / 1000).toFixed(2);

  // The same post pages give the same index: an unchanged site reuses the last one.
  if (existsSync(join(cached, 'complete'))) {
    linkTree(join(cached, SEARCH_BUNDLE_DIR), output);
    const pages = Number(readFileSync(join(cached, 'complete'), 'utf8'));
    logger.info(`indexed ${pages} post${pages === 1 ? '' : 's'} into ${SEARCH_BUNDLE_DIR}/ in ${seconds()}s (posts unchanged: index reused from the cache)`);
    return;
  }

  // Usually the first post answers this; without any marked page, Pagefind would index every page.
  const anySearchable = postFiles.some((file) => isSearchablePage(readFileSync(join(root, file), 'utf8')));
  let pages = 0;
  try {
    const created = await pagefind.createIndex({});
    failOn('starting Pagefind', created.errors);
    const index = created.index;
    if (!index) throw new Error('Search index: Pagefind returned no index');
    if (anySearchable) {
      // Pagefind reads the post pages itself, in parallel; only posts are ever marked.
      const added = await index.addDirectory({ path: root, glob: `${postsFolder}**/*.html` });
      failOn('indexing dist/', added.errors);
      pages = added.page_count;
    }
    failOn('writing the index', (await index.writeFiles({ outputPath: output })).errors);
  } finally {
    await pagefind.close();
  }
  for (const name of readdirSync(output)) if (isUnusedBundleFile(name)) rmSync(join(output, name));
  logger.info(`indexed ${pages} post${pages === 1 ? '' : 's'} into ${SEARCH_BUNDLE_DIR}/ in ${seconds()}s`);

  // Keep this index for the next build: linked into a temporary folder, then renamed into place.
  const older = existsSync(cacheRoot)
    ? readdirSync(cacheRoot)
        .map((name) => ({ name, time: statSync(join(cacheRoot, name)).mtimeMs }))
        .sort((a, b) => b.time - a.time)
        .slice(CACHED_INDEXES - 1)
    : [];
  for (const { name } of older) rmSync(join(cacheRoot, name), { recursive: true, force: true });
  const partial = `${cached}.${process.pid}.tmp`;
  rmSync(partial, { recursive: true, force: true });
  linkTree(output, join(partial, SEARCH_BUNDLE_DIR));
  writeFileSync(join(partial, 'complete'), String(pages));
  rmSync(cached, { recursive: true, force: true });
  renameSync(partial, cached);
}

/**
 * Builds the Pagefind index after `astro build`, from the posts marked for search. It works in
 * Pagefind's own process, so `start` only begins it: the integrations between `start` and
 * `finish` run meanwhile on the other core, and `finish` waits for it.
 */
export function searchIndex(): { start: AstroIntegration; finish: AstroIntegration } {
  let indexing: Promise<void> | undefined;
  const projectRoot = PROJECT_ROOT;
  let cacheDir = join(projectRoot, 'node_modules/.astro');
  return {
    start: {
      name: 'urban-haze:search-index',
      hooks: {
        'astro:config:done': ({ config }) => {
          cacheDir = fileURLToPath(config.cacheDir);
        },
        'astro:build:done': ({ dir, logger }) => {
          indexing = buildIndex({ root: fileURLToPath(dir), projectRoot, cacheDir, logger });
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
