// Every URL the site prints comes from here, so a page's canonical link, og:url, sitemap
// entry, feed link and every internal <a href> to it are the same string.

export type TrailingSlash = 'always' | 'never' | 'ignore';
export type BuildFormat = 'directory' | 'file';

export interface UrlPolicy {
  /** Absolute site URL, ending in "/" (e.g. https://example.com/ or https://example.com/blog/). */
  site: string;
  trailingSlash: TrailingSlash;
  format: BuildFormat;
}

/** The URL policy that a site's settings (`url`, `trailingSlash`, `buildFormat`) describe. */
export function urlPolicyOf(settings: { url: string; trailingSlash: TrailingSlash; buildFormat: BuildFormat }): UrlPolicy {
  return { site: settings.url, trailingSlash: settings.trailingSlash, format: settings.buildFormat };
}

/** Route paths are written in one canonical form inside the code: "/", "/posts/a/", "/rss.xml". */
export type RoutePath = `/${string}`;

const HAS_EXTENSION = /\.[a-z0-9]+$/i;

/**
 * The public path of a route under the site's URL policy.
 *
 * | format    | always        | ignore        | never      |
 * |-----------|---------------|---------------|------------|
 * | directory | /posts/a/     | /posts/a/     | /posts/a   |
 * | file      | /posts/a.html | /posts/a.html | /posts/a   |
 *
 * Each form is served from the built file without a redirect: a directory's index.html,
 * the .html file itself, or (for "never" with "file") the clean URL that static hosts map to
 * a.html. The home page is always "/"; files such as /rss.xml keep their name.
 */
export function formatRoutePath(route: RoutePath, policy: Pick<UrlPolicy, 'trailingSlash' | 'format'>): string {
  const suffixStart = route.search(/[?#]/);
  const path = suffixStart === -1 ? route : route.slice(0, suffixStart);
  const suffix = suffixStart === -1 ? '' : route.slice(suffixStart);
  if (path === '/' || HAS_EXTENSION.test(path)) return path + suffix;
  const bare = path.replace(/\/+$/, '');
  if (policy.trailingSlash === 'never') return bare + suffix;
  return (policy.format === 'file' ? `${bare}.html` : `${bare}/`) + suffix;
}

/** The site-relative href of a route, including the site's base path, percent-encoded. */
export function routeHref(route: RoutePath, policy: UrlPolicy): string {
  const url = new URL(absoluteUrl(route, policy));
  return url.pathname + url.search + url.hash;
}

/** The base path of a site URL ("/" or "/blog/"), always ending in "/". */
export function basePathOf(siteUrl: string): string {
  const { pathname } = new URL(siteUrl);
  return pathname.endsWith('/') ? pathname : `${pathname}/`;
}

/** The absolute URL of a route: what canonical, og:url, the sitemap and the feed print. */
export function absoluteUrl(route: RoutePath, policy: UrlPolicy): string {
  const basePath = basePathOf(policy.site);
  const path = formatRoutePath(route, policy);
  const joined = path === '/' ? basePath : basePath + path.replace(/^\//, '');
  // NFC first so "café" typed either way is one URL; URL() then percent-encodes non-ASCII.
  return new URL(joined.normalize('NFC'), policy.site).href;
}

/**
 * The dist/ files that may serve a path relative to the site's base (decoded), most likely first,
 * as static hosts serve them: a directory's index.html, the file itself, or `a.html` for a clean `a`.
 */
export function filesServingPath(path: string): string[] {
  if (path === '' || path === '/') return ['index.html'];
  if (path.endsWith('/')) return [`${path}index.html`];
  if (HAS_EXTENSION.test(path)) return [path];
  return [`${path}.html`, `${path}/index.html`];
}

export interface ResolvedUrl {
  /** The URL, absolute, fragment removed. */
  url: string;
  /** Files in dist/ that may serve it, most likely first. */
  candidates: string[];
  /** The `#fragment`, decoded, or "" for none. */
  fragment: string;
}

/**
 * Where a link from a page leads in dist/, or undefined when it leaves the site (another host, a
 * path outside the site's base, mailto:, …). Trailing-slash variants are all tried, so a link that
 * works only through a server redirect still resolves; links-canonical-form reports those.
 */
export function resolveOnSite(href: string, from: string, site: string): ResolvedUrl | undefined {
  let url: URL;
  try {
    url = new URL(href, from);
  } catch {
    return undefined;
  }
  const own = new URL(site);
  if (!/^https?:$/.test(url.protocol) || url.host !== own.host) return undefined;
  const base = basePathOf(site);
  if (!`${url.pathname}/`.startsWith(base)) return undefined;
  let fragment = '';
  let path: string;
  try {
    fragment = decodeURIComponent(url.hash.slice(1));
    path = decodeURIComponent(url.pathname.slice(base.length)).normalize('NFC');
  } catch {
    return { url: url.href, candidates: [], fragment: '' };
  }
  url.hash = '';
  return { url: url.href, candidates: filesServingPath(path), fragment };
}

/** The dist/ files a URL on the site can be served from, most likely first; none for a URL elsewhere. */
export function distFileCandidates(url: string, site: string): string[] {
  return resolveOnSite(url, site, site)?.candidates ?? [];
}

/** Where a built page lives in dist/ for a route, under the build format. */
export function routeOutputFile(route: RoutePath, format: BuildFormat): string {
  if (route === '/') return 'index.html';
  if (HAS_EXTENSION.test(route)) return route.slice(1);
  const bare = route.replace(/^\/+|\/+$/g, '');
  return format === 'file' ? `${bare}.html` : `${bare}/index.html`;
}

// Route paths of the site's pages, in one place.
export const routes = {
  home: '/',
  listPage: (page: number): RoutePath => (page <= 1 ? '/' : `/page/${page}/`),
  posts: '/posts/',
  post: (slug: string): RoutePath => `/posts/${slug}/`,
  tags: '/tags/',
  tag: (slug: string, page = 1): RoutePath => (page <= 1 ? `/tags/${slug}/` : `/tags/${slug}/page/${page}/`),
  archive: '/archive/',
  about: '/about/',
  search: '/search/',
  feed: '/rss.xml',
  llmsTxt: '/llms.txt',
  sitemap: '/sitemap-index.xml',
  notFound: '/404.html',
} as const satisfies Record<string, RoutePath | ((...args: never[]) => RoutePath)>;
