// Which pages the site has: the sitemap's URLs (meant to be indexed) plus the built pages the
// sitemap leaves out on purpose (404, noindex posts), each with its template as the page itself
// declares it in `<body data-template>` and a hash of its HTML for the changed-only cache.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../../src/lib/files.ts';
import { parseRobots, parseSitemap, type SitemapFile } from '../../src/seo/lint/site-files.ts';
import { basePathOf, formatRoutePath, type BuildFormat, type RoutePath, type TrailingSlash } from '../../src/seo/urls.ts';
import { distFileForPath, type ServePolicy } from './dist-server.ts';

export interface SitePage {
  /** Public pathname with the base path, percent-encoded as in the site's links: "/posts/a/". */
  path: string;
  /** From `<body data-template>`; "unknown" when the page does not say. */
  template: string;
  /** Listed in the sitemap, so it must be indexable (Lighthouse's is-crawlable applies). */
  indexable: boolean;
  /** SHA-256 of the page's HTML. */
  contentHash: string;
  /** The built file, relative to dist/ ("posts/a/index.html"); absent for a deployed site's pages. */
  file?: string;
}

/** A problem with the input the audit was given (dist/, a sitemap, a URL): says what and how to fix it. */
export class AuditInputError extends Error {
  override name = 'AuditInputError';
}

/** The template a built page declares on its `<body>`, or undefined for HTML that is not a site page. */
export function pageTemplateOf(html: string): string | undefined {
  const body = /<body\b[^>]*>/i.exec(html)?.[0];
  return body ? /\sdata-template\s*=\s*["']?([\w-]+)/i.exec(body)?.[1] : undefined;
}

export function contentHash(html: string | Buffer): string {
  return createHash('sha256').update(html).digest('hex');
}

/** The pathname of a sitemap URL on the site, or undefined when it points elsewhere. */
export function sitePathOf(url: string, siteUrl: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  const site = new URL(siteUrl);
  const basePath = basePathOf(siteUrl);
  if (parsed.origin !== site.origin || !parsed.pathname.startsWith(basePath)) return undefined;
  return parsed.pathname;
}

/** The public pathname of a built HTML file: the inverse of the server's mapping, via src/seo/urls.ts. */
export function pathOfDistFile(file: string, policy: ServePolicy): string {
  let route: RoutePath;
  if (file === 'index.html') route = '/';
  else if (policy.format === 'directory' && file.endsWith('/index.html')) route = `/${file.slice(0, -'index.html'.length)}`;
  else if (policy.format === 'file' && file.endsWith('.html')) route = `/${file.slice(0, -'.html'.length)}/`;
  else route = `/${file}`;
  const formatted = formatRoutePath(route, policy);
  return policy.basePath + encodeURI(formatted.slice(1).normalize('NFC'));
}

function listHtmlFiles(root: string): string[] {
  return listFiles(root)
    .filter((file) => file.endsWith('.html'))
    .sort();
}

function listSome(items: readonly string[], limit = 8): string {
  const shown = items.slice(0, limit).map((item) => `  - ${item}`);
  if (items.length > limit) shown.push(`  - … and ${items.length - limit} more`);
  return shown.join('\n');
}

export interface DistSite {
  /** Folder holding the build. */
  dist: string;
  /** The site URL the build was made for (src/site.config.ts `url`, or SITE_URL). */
  siteUrl: string;
  trailingSlash: TrailingSlash;
  format: BuildFormat;
  /** A preview build (SITE_PREVIEW): every page is noindex by design, and the sitemap may be absent. */
  preview?: boolean;
}

export function servePolicyOf(site: Pick<DistSite, 'siteUrl' | 'trailingSlash' | 'format'>): ServePolicy {
  return { basePath: basePathOf(site.siteUrl), trailingSlash: site.trailingSlash, format: site.format };
}

function readSitemapFromDist(site: DistSite, policy: ServePolicy): { files: string[]; locs: string[] } | undefined {
  const robots = join(site.dist, 'robots.txt');
  const declared = existsSync(robots) ? parseRobots(readFileSync(robots, 'utf8')).sitemaps : [];
  const candidates = declared.length > 0 ? declared : ['sitemap-index.xml', 'sitemap.xml'].map((name) => new URL(name, site.siteUrl).href);
  const pending = candidates
    .map((url) => sitePathOf(url, site.siteUrl))
    .map((path) => (path === undefined ? undefined : distFileForPath(path, policy)))
    .filter((file): file is string => file !== undefined && existsSync(join(site.dist, file)));
  if (pending.length === 0) {
    if (site.preview) return undefined;
    throw new AuditInputError(
      `${site.dist} has no sitemap (looked for ${declared.length > 0 ? declared.join(', ') : 'sitemap-index.xml and sitemap.xml'}). ` +
        'The audit finds pages through the sitemap: build with the sitemap enabled, and check that SITE_URL matches the build.',
    );
  }
  const files: string[] = [];
  const locs: string[] = [];
  // robots.txt may declare several sitemaps; otherwise the first usual name found is the sitemap.
  // A sitemap index points at sitemaps; follow it (one level is all the protocol allows).
  for (const file of declared.length > 0 ? pending : pending.slice(0, 1)) {
    files.push(file);
    const sitemap = parseSitemap(readFileSync(join(site.dist, file), 'utf8'));
    if (sitemap.kind !== 'index') {
      locs.push(...sitemap.locs);
      continue;
    }
    for (const child of sitemap.locs) {
      const childPath = sitePathOf(child, site.siteUrl);
      if (childPath === undefined) {
        throw new AuditInputError(
          `${join(site.dist, file)} points at ${child}, which is outside the site URL ${site.siteUrl}. Audit with the same SITE_URL the site was built with, or rebuild.`,
        );
      }
      const childFile = distFileForPath(childPath, policy);
      if (childFile === undefined || !existsSync(join(site.dist, childFile))) {
        throw new AuditInputError(
          `${join(site.dist, file)} points at ${child}, which is not in ${site.dist}. Rebuild the site (dist/ may be stale), and check that SITE_URL matches the build.`,
        );
      }
      files.push(childFile);
      locs.push(...parseSitemap(readFileSync(join(site.dist, childFile), 'utf8')).locs);
    }
  }
  return { files, locs };
}

/** Every page of a built site: its sitemap URLs plus the built pages the sitemap leaves out. */
export function discoverDistPages(site: DistSite): { pages: SitePage[]; sitemapFiles: string[] } {
  if (!existsSync(site.dist) || !statSync(site.dist).isDirectory()) {
    throw new AuditInputError(`${site.dist} does not exist. Build the site first (npm run build, or npx astro build), or point --dist at a built site.`);
  }
  const htmlFiles = listHtmlFiles(site.dist);
  if (htmlFiles.length === 0) {
    throw new AuditInputError(`${site.dist} holds no HTML pages. Build the site first (npm run build, or npx astro build); the build may have failed.`);
  }
  const policy = servePolicyOf(site);
  const sitemap = readSitemapFromDist(site, policy) ?? { files: [], locs: [] };

  const outside = sitemap.locs.filter((loc) => sitePathOf(loc, site.siteUrl) === undefined);
  if (outside.length > 0) {
    throw new AuditInputError(
      `The sitemap lists ${outside.length} URL(s) outside the site URL ${site.siteUrl}:\n${listSome(outside)}\n` +
        'Audit with the same SITE_URL the site was built with, or rebuild.',
    );
  }
  const indexedFiles = new Map<string, string>();
  const missing: string[] = [];
  for (const loc of sitemap.locs) {
    const path = sitePathOf(loc, site.siteUrl)!;
    const file = distFileForPath(path, policy);
    if (file === undefined || !existsSync(join(site.dist, file))) {
      missing.push(file === undefined ? `${loc} (not a URL form this site serves: trailingSlash "${site.trailingSlash}", build format "${site.format}")` : `${loc} (no ${file})`);
    } else indexedFiles.set(file, path);
  }
  if (missing.length > 0) {
    throw new AuditInputError(
      `The sitemap (${sitemap.files.join(', ')}) lists ${missing.length} page(s) that are not in ${site.dist}:\n${listSome(missing)}\n` +
        'Rebuild the site into an empty dist/ (it may be stale or partly deleted); if it persists, the sitemap and the pages disagree on URLs.',
    );
  }

  const pages: SitePage[] = [];
  for (const file of htmlFiles) {
    const html = readFileSync(join(site.dist, file));
    const indexedPath = indexedFiles.get(file);
    const template = pageTemplateOf(html.toString('utf8'));
    if (indexedPath === undefined && template === undefined) continue; // not a page of the site (e.g. a verification file)
    pages.push({
      path: indexedPath ?? pathOfDistFile(file, policy),
      template: template ?? 'unknown',
      indexable: indexedPath !== undefined && !site.preview,
      contentHash: contentHash(html),
      file,
    });
  }
  return { pages: pages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), sitemapFiles: sitemap.files };
}

export type Fetcher = (url: string, init?: RequestInit) => Promise<Response>;

async function fetchText(fetcher: Fetcher, url: string): Promise<{ status: number; text: string; location?: string }> {
  const response = await fetcher(url, { redirect: 'manual', signal: AbortSignal.timeout(30_000) });
  const location = response.headers.get('location');
  return { status: response.status, text: response.status === 200 ? await response.text() : '', ...(location ? { location } : {}) };
}

/** Every page of a deployed site, from its sitemap (found through robots.txt, or at the usual names). */
export async function discoverRemotePages(siteUrl: string, fetcher: Fetcher = fetch): Promise<{ pages: SitePage[]; sitemapFiles: string[] }> {
  const robots = await fetchText(fetcher, new URL('robots.txt', siteUrl).href).catch(() => undefined);
  const declared = robots?.status === 200 ? parseRobots(robots.text).sitemaps : [];
  const candidates = declared.length > 0 ? declared : ['sitemap-index.xml', 'sitemap.xml'].map((name) => new URL(name, siteUrl).href);
  let root: { url: string; sitemap: SitemapFile } | undefined;
  for (const url of candidates) {
    const response = await fetchText(fetcher, url).catch(() => undefined);
    if (response?.status === 200) {
      root = { url, sitemap: parseSitemap(response.text) };
      break;
    }
  }
  if (!root) {
    throw new AuditInputError(`${siteUrl} has no sitemap (tried ${candidates.join(', ')}). Check the URL, or that the site publishes a sitemap.`);
  }
  const sitemapFiles = [root.url];
  const locs: string[] = [];
  if (root.sitemap.kind !== 'index') locs.push(...root.sitemap.locs);
  else {
    for (const child of root.sitemap.locs) {
      const response = await fetchText(fetcher, child);
      if (response.status !== 200) throw new AuditInputError(`${root.url} points at ${child}, which answered HTTP ${response.status}.`);
      sitemapFiles.push(child);
      locs.push(...parseSitemap(response.text).locs);
    }
  }
  const outside = locs.filter((loc) => sitePathOf(loc, siteUrl) === undefined);
  if (outside.length > 0) {
    throw new AuditInputError(`The sitemap of ${siteUrl} lists ${outside.length} URL(s) outside it:\n${listSome(outside)}\nAudit the site URL the sitemap uses.`);
  }

  const pages: SitePage[] = [];
  const broken: string[] = [];
  const queue = [...new Set(locs)];
  const worker = async () => {
    for (let loc = queue.shift(); loc !== undefined; loc = queue.shift()) {
      const response = await fetchText(fetcher, loc).catch((error: Error) => ({ status: 0, text: '', error }));
      if (response.status !== 200) {
        broken.push(`${loc} (${response.status === 0 ? 'no answer' : `HTTP ${response.status}`}${'location' in response && response.location ? ` to ${response.location}` : ''})`);
        continue;
      }
      pages.push({ path: sitePathOf(loc, siteUrl)!, template: pageTemplateOf(response.text) ?? 'unknown', indexable: true, contentHash: contentHash(response.text) });
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  if (broken.length > 0) {
    throw new AuditInputError(`The sitemap of ${siteUrl} lists ${broken.length} page(s) the site does not serve directly:\n${listSome(broken.sort())}\nFix the sitemap or the pages, then audit again.`);
  }
  // The 404 page is deliberately not in the sitemap; audit it when the site serves it.
  const notFoundUrl = new URL('404.html', siteUrl).href;
  const notFound = await fetchText(fetcher, notFoundUrl).catch(() => undefined);
  const notFoundTemplate = notFound?.status === 200 ? pageTemplateOf(notFound.text) : undefined;
  if (notFound && notFoundTemplate && !pages.some((page) => page.path === new URL(notFoundUrl).pathname)) {
    pages.push({ path: new URL(notFoundUrl).pathname, template: notFoundTemplate, indexable: false, contentHash: contentHash(notFound.text) });
  }
  return { pages: pages.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), sitemapFiles };
}
