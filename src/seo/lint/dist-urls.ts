// Between files in dist/ and the URLs they are served at, under the site's URL policy (src/seo/urls.ts).
import { absoluteUrl, filesServingPath, type BuildFormat, type RoutePath, type UrlPolicy } from '../urls.ts';

/** The route a built HTML file serves: "posts/a/index.html" → "/posts/a/"; "posts/a.html" (file format) → "/posts/a/". */
export function pageRoute(file: string, format: BuildFormat): RoutePath {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  if (format === 'file' && file.endsWith('.html') && file !== '404.html') return `/${file.slice(0, -'.html'.length)}/`;
  return `/${file}`;
}

/** A built page's own URL, in the form its canonical link, the sitemap and every internal link use. */
export function pageUrl(file: string, policy: UrlPolicy): string {
  if (file === '404.html') return new URL('404.html', policy.site).href;
  return absoluteUrl(pageRoute(file, policy.format), policy);
}

/** The URL without its fragment, percent-encoding normalised, for comparing two spellings of one address. */
export function normaliseUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return undefined;
  }
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
  const base = own.pathname.endsWith('/') ? own.pathname : `${own.pathname}/`;
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

/**
 * `resolveOnSite` for one site, remembering answers: most links on a site (navigation, lists, posts
 * linking posts) repeat from page to page, and a root-relative or absolute href resolves the same way
 * from every page.
 */
export function createResolver(site: string): (href: string, from: string) => ResolvedUrl | undefined {
  const cache = new Map<string, ResolvedUrl | undefined>();
  return (href, from) => {
    const independent = (href.startsWith('/') && !href.startsWith('//')) || /^https?:/i.test(href);
    const key = independent ? href : `${from}\n${href}`;
    if (cache.has(key)) return cache.get(key);
    const resolved = resolveOnSite(href, from, site);
    cache.set(key, resolved);
    return resolved;
  };
}
