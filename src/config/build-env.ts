import { DATE_FORMAT_HINT, parseContentDate } from '../lib/dates.ts';
import { ConfigError } from './config-error.ts';

export interface BuildEnv {
  /** The clock that decides which posts are published; BUILD_DATE fixes it for tests and reproducible builds. */
  now: Date;
  /** A preview build (SITE_PREVIEW=1): every page noindex, robots.txt disallows all. */
  preview: boolean;
}

const TRUE_VALUES = new Set(['1', 'true', 'yes']);

/** Reads the build's environment once; `fallbackNow` is the real clock unless BUILD_DATE is set. */
export function readBuildEnv(
  env: Readonly<Record<string, string | undefined>>,
  timeZone: string,
  fallbackNow: Date = new Date(),
): BuildEnv {
  const buildDate = env['BUILD_DATE'];
  let now = fallbackNow;
  if (buildDate !== undefined && buildDate !== '') {
    const parsed = parseContentDate(buildDate, timeZone);
    if (!parsed.ok) {
      throw new ConfigError(`Invalid BUILD_DATE environment variable: ${parsed.reason}. ${DATE_FORMAT_HINT}`);
    }
    now = parsed.date;
  }
  return { now, preview: TRUE_VALUES.has((env['SITE_PREVIEW'] ?? '').toLowerCase()) };
}

export interface ProjectPaths {
  /** Folder holding `posts/`; CONTENT_DIR points a build at other content (tests, benchmarks). */
  contentDir: string;
  /** Astro's cache (content data store, optimised images); separate per content folder. */
  cacheDir: string;
  /**
   * Astro's root, where it keeps `.astro/` (content-assets.mjs and other generated modules). ASTRO_ROOT
   * gives test and benchmark sites their own, so builds running at once never read each other's.
   */
  root: string | undefined;
}

/** Where the build reads content and keeps its caches, relative to the project root. */
export function readProjectPaths(env: Readonly<Record<string, string | undefined>>): ProjectPaths {
  const contentDir = env['CONTENT_DIR'] || './content';
  return {
    contentDir,
    cacheDir: env['ASTRO_CACHE_DIR'] || (env['CONTENT_DIR'] ? `${contentDir.replace(/\/$/, '')}/../.astro-cache` : './node_modules/.astro'),
    root: env['ASTRO_ROOT'] || undefined,
  };
}
