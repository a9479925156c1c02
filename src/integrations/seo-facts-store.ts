// Keeps the last build's SEO facts (src/seo/report/seo-facts.ts) for the next build to compare with. They live
// in Astro's cache folder, never in dist/: they describe the site for its owner and are not published.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readProjectPaths } from '../config/build-env.ts';
import { displayPath } from '../lib/files.ts';
import { parseSiteFacts, type SiteFacts } from '../seo/report/seo-facts.ts';

/** The snapshot's file, inside the cache folder. */
export const SEO_FACTS_FILE = 'seo-report/seo-facts.json';

/** The cache folder the build uses (ASTRO_CACHE_DIR, or beside CONTENT_DIR, or node_modules/.astro), for scripts run outside Astro. */
export function projectCacheDir(projectRoot: string, env: Readonly<Record<string, string | undefined>>): string {
  return resolve(projectRoot, readProjectPaths(env).cacheDir);
}

export function seoFactsPath(cacheDir: string): string {
  return join(cacheDir, SEO_FACTS_FILE);
}

/**
 * The previous build's facts, or undefined when there is nothing to compare with: no file yet (a first
 * build, a cleared cache), a file written by another version of the snapshot, or one that cannot be read.
 */
export function readPreviousSeoFacts(cacheDir: string): SiteFacts | undefined {
  let text: string;
  try {
    text = readFileSync(seoFactsPath(cacheDir), 'utf8');
  } catch {
    return undefined;
  }
  try {
    return parseSiteFacts(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** Stores this build's facts for the next one; written whole then renamed, so a stopped build never leaves half a file. */
export function writeSeoFacts(cacheDir: string, facts: SiteFacts): void {
  const path = seoFactsPath(cacheDir);
  const partial = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(partial, `${JSON.stringify(facts)}\n`);
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new Error(
      `Could not keep this build's SEO facts in ${displayPath(path)} for the next build to compare with: ${(error as Error).message}. ` +
        'Make the cache folder writable, or point ASTRO_CACHE_DIR at one that is.',
      { cause: error },
    );
  }
}
