// Reads a built site from dist/: each HTML page once, plus the sitemap(s), robots.txt, feeds and llms.txt.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../../lib/files.ts';
import { readImageSize } from '../../lib/image-size.ts';
import { resolveOnSite, type UrlPolicy } from '../urls.ts';
import { normaliseUrl, pageUrl } from './dist-urls.ts';
import { readPageFacts } from './page-facts.ts';
import type { LintInput } from './run.ts';
import { parseFeed, parseLlmsTxt, parseRobots, parseSitemap } from './site-files.ts';
import type { DistFiles, PageFacts, RobotsFacts, SitemapFacts } from './types.ts';

const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml']);
/** Where the llms.txt proposal puts the file: the site's root (src/pages/llms.txt.ts). */
const LLMS_TXT = 'llms.txt';

/** A built site as a list of files and a way to read them: dist/ on disk, or files in memory in tests. */
export interface SiteReader {
  /** Every file, relative, forward slashes. */
  files: readonly string[];
  read(file: string): Uint8Array;
}

const decoder = new TextDecoder();
const readText = (reader: SiteReader, file: string) => decoder.decode(reader.read(file));

function distFiles(reader: SiteReader): DistFiles {
  const present = new Set(reader.files.map((file) => file.normalize('NFC')));
  const sizes = new Map<string, ReturnType<typeof readImageSize>>();
  return {
    has: (file) => present.has(file.normalize('NFC')),
    imageSize(file) {
      if (!sizes.has(file)) sizes.set(file, present.has(file) ? readImageSize(reader.read(file)) : undefined);
      return sizes.get(file);
    },
  };
}

function readSitemaps(reader: SiteReader, dist: DistFiles, policy: UrlPolicy, robots: RobotsFacts | undefined): SitemapFacts | undefined {
  const named = (robots?.sitemaps ?? [])
    .map((url) => resolveOnSite(url, policy.site, policy.site)?.candidates.find((file) => dist.has(file)))
    .filter((file): file is string => file !== undefined);
  const start = named.length > 0 ? named : ['sitemap-index.xml', 'sitemap.xml'].filter((file) => dist.has(file)).slice(0, 1);
  if (start.length === 0) return undefined;
  const facts: SitemapFacts = { files: [], urls: [], lastmods: new Map(), problems: [] };
  const queue = [...start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (facts.files.includes(file)) continue;
    facts.files.push(file);
    const sitemap = parseSitemap(readText(reader, file));
    facts.problems.push(...sitemap.problems.map((problem) => `${file}: ${problem}`));
    if (sitemap.kind === 'index') {
      for (const loc of sitemap.locs) {
        const child = resolveOnSite(loc, policy.site, policy.site)?.candidates.find((candidate) => dist.has(candidate));
        if (child) queue.push(child);
        else facts.problems.push(`${file}: the child sitemap ${loc} is not in dist/`);
      }
    } else {
      facts.urls.push(...sitemap.locs.map((loc) => normaliseUrl(loc) ?? loc));
      for (const [loc, lastmod] of Object.entries(sitemap.lastmods)) facts.lastmods.set(normaliseUrl(loc) ?? loc, lastmod);
    }
  }
  return facts;
}

/** Everything the rules read, with each HTML page parsed exactly once. */
export function loadSite(reader: SiteReader, policy: UrlPolicy): LintInput {
  const dist = distFiles(reader);
  const pages: PageFacts[] = reader.files
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => readPageFacts(readText(reader, file), file, pageUrl(file, policy)));
  const robots = dist.has('robots.txt') ? parseRobots(readText(reader, 'robots.txt')) : undefined;
  const sitemap = readSitemaps(reader, dist, policy, robots);
  const feedFiles = new Set<string>();
  for (const page of pages) {
    for (const link of page.links) {
      if (!link.rel.includes('alternate') || !FEED_TYPES.has(link.type ?? '')) continue;
      const file = resolveOnSite(link.href, page.url, policy.site)?.candidates.find((candidate) => dist.has(candidate));
      if (file) feedFiles.add(file);
    }
  }
  if (feedFiles.size === 0 && dist.has('rss.xml')) feedFiles.add('rss.xml');
  const feeds = [...feedFiles].map((file) => parseFeed(readText(reader, file), file));
  const llmsTxt = dist.has(LLMS_TXT) ? parseLlmsTxt(readText(reader, LLMS_TXT), LLMS_TXT) : undefined;
  return { pages, dist, sitemap, robots, feeds, llmsTxt };
}

/** A built site in a dist/ folder. */
export function loadDist(root: string, policy: UrlPolicy): LintInput {
  if (!existsSync(root)) throw new Error(`There is no built site at ${root}; run \`npm run build\` first.`);
  return loadSite({ files: listFiles(root), read: (file) => readFileSync(join(root, file)) }, policy);
}
