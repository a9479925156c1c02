// Builds the real site (this project's Astro config and pages) from fixture content in a
// temporary folder, the way a site owner's `npm run build` would.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT, runAstroBuild } from '../../scripts/lib/astro-build.ts';

export { PROJECT_ROOT };

export interface FixtureOptions {
  /** Start from a copy of the project's own content/ folder. */
  withProjectContent?: boolean;
  /** Files under content/posts/, by relative path. */
  posts?: Record<string, string | Buffer>;
  /** Files under content/pages/ (about.md, promo.md), by name; without them the project's own pages. */
  pages?: Record<string, string>;
  /** Extra environment (BUILD_DATE, SITE_CONFIG_OVERRIDES, TZ, …). BUILD_DATE defaults to 2026-06-01 (PROJECT_CONTENT_BUILD_DATE with the project's content). */
  env?: Record<string, string>;
  /** Reuse a folder from an earlier build (to test rebuilds). */
  directory?: string;
}

export interface BuildResult {
  exitCode: number;
  /** stdout and stderr together, as the site owner sees them. */
  output: string;
  directory: string;
  dist: string;
  /** Paths of every file in dist/, relative, with forward slashes. */
  files(): string[];
  read(path: string): string;
  exists(path: string): boolean;
  cleanup(): void;
}

export function writePosts(directory: string, posts: Record<string, string | Buffer>): void {
  for (const [path, contents] of Object.entries(posts)) {
    const target = join(directory, 'content/posts', path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, contents);
  }
}

/**
 * The owner's pages (content/pages/), which every site needs: `pages` when given, else, when the
 * fixture has none yet, a copy of the project's own About page and promo note.
 */
export function writePages(directory: string, pages?: Record<string, string>): void {
  const folder = join(directory, 'content/pages');
  if (pages === undefined) {
    if (!existsSync(folder)) cpSync(join(PROJECT_ROOT, 'content/pages'), folder, { recursive: true });
    return;
  }
  mkdirSync(folder, { recursive: true });
  for (const [name, contents] of Object.entries(pages)) writeFileSync(join(folder, name), contents);
}

function listFiles(root: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(root, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return entries.filter((entry) => statSync(join(root, entry)).isFile()).map((entry) => entry.split('\\').join('/'));
}

/** Builds `directory`/content into `directory`/dist with its own cache; BUILD_DATE defaults to 2026-06-01. */
export async function runFixtureBuild(
  directory: string,
  env: Record<string, string> = {},
  { withoutNetwork = false } = {},
): Promise<{ exitCode: number; output: string }> {
  return runAstroBuild({
    contentDir: join(directory, 'content'),
    outDir: join(directory, 'dist'),
    cacheDir: join(directory, '.astro-cache'),
    env: { BUILD_DATE: '2026-06-01', ...env },
    withoutNetwork,
  });
}

/**
 * Fixture sites live inside the project (ignored by git): Astro writes a build's server chunks into
 * `<outDir>/.prerender/` only when the output folder is under the working directory, and otherwise
 * into the project's one `.astro/.prerender/`, where two builds in parallel test files delete each
 * other's chunks ("Cannot find module …/.prerender/chunks/sharp_….mjs").
 */
const FIXTURE_ROOT = join(PROJECT_ROOT, '.cache/test-sites');

/**
 * The build date for the project's own content: after its newest date. Built earlier, its posts would
 * carry updates dated in the future, which the build refuses.
 */
export const PROJECT_CONTENT_BUILD_DATE = '2026-12-02';

export async function buildFixture(options: FixtureOptions = {}): Promise<BuildResult> {
  mkdirSync(FIXTURE_ROOT, { recursive: true });
  const directory = options.directory ?? mkdtempSync(join(FIXTURE_ROOT, 'urban-haze-fixture-'));
  if (options.withProjectContent) cpSync(join(PROJECT_ROOT, 'content'), join(directory, 'content'), { recursive: true });
  writePosts(directory, options.posts ?? {});
  writePages(directory, options.pages);
  mkdirSync(join(directory, 'content/posts'), { recursive: true });
  const env = options.withProjectContent ? { BUILD_DATE: PROJECT_CONTENT_BUILD_DATE, ...options.env } : options.env;
  const { exitCode, output } = await runFixtureBuild(directory, env);
  return fixtureResult(directory, exitCode, output);
}

/** A build in `directory`, read from its dist/; `cleanup` removes the folder unless `keep` says it is shared. */
export function fixtureResult(directory: string, exitCode: number, output: string, { keep = false } = {}): BuildResult {
  const dist = join(directory, 'dist');
  return {
    exitCode,
    output,
    directory,
    dist,
    files: () => listFiles(dist),
    read: (path) => readFileSync(join(dist, path), 'utf8'),
    exists: (path) => listFiles(dist).includes(path),
    cleanup: () => (keep ? undefined : rmSync(directory, { recursive: true, force: true })),
  };
}

/** A new fixture folder holding a copy of `directory`, for a test that changes a build it did not make. */
export function copyFixture(directory: string): string {
  mkdirSync(FIXTURE_ROOT, { recursive: true });
  const copy = mkdtempSync(join(FIXTURE_ROOT, 'urban-haze-copy-'));
  cpSync(directory, copy, { recursive: true });
  return copy;
}

/**
 * A valid post; `fields` replace or add frontmatter lines verbatim (pass `undefined` to drop one). The
 * default description names the title, so posts that differ by title do not share a description (which
 * the SEO lint would report as an error).
 */
export function post(fields: Record<string, string | undefined> = {}, body = 'A short paragraph of body text for this fixture post.'): string {
  const title = fields['title'] ?? '"Fixture post"';
  const defaults: Record<string, string | undefined> = {
    title,
    description: JSON.stringify(`The fixture post “${title.replace(/^"|"$/g, '')}”, used by the build tests to check what the site publishes.`),
    pubDate: '2026-01-15',
    tags: '["Testing"]',
  };
  const lines = Object.entries({ ...defaults, ...fields })
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${value}`);
  return ['---', ...lines, '---', '', body, ''].join('\n');
}
