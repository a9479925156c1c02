// Between files in dist/ and the URLs they are served at, under the site's URL policy (src/seo/urls.ts).
import { absoluteUrl, resolveOnSite, type BuildFormat, type ResolvedUrl, type RoutePath, type UrlPolicy } from '../urls.ts';

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
