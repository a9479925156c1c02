// Which built pages the search index holds, and under which URL. Pure; the Pagefind run
// itself is in src/integrations/search-index.ts.
import { routeHref, type RoutePath, type UrlPolicy } from '../seo/urls.ts';

/** Set by PostLayout on the parts of a published, indexable post that search should read. */
export const SEARCH_BODY_ATTRIBUTE = 'data-pagefind-body';

/** The attributes that mark a post's title and text for the index, or none for a page search must skip. */
export function searchBodyAttributes(indexable: boolean): Record<string, string> {
  return indexable ? { [SEARCH_BODY_ATTRIBUTE]: '' } : {};
}

/**
 * Pages without the marker stay out. (Pagefind alone would index every page of a site where
 * no page is marked, so the selection is made here.)
 */
export function isSearchablePage(html: string): boolean {
  return new RegExp(`<[a-z][^>]*\\s${SEARCH_BODY_ATTRIBUTE}(?=[\\s=>/])`, 'i').test(html);
}

/** The route a file in dist/ was built from, for either build format: `posts/a/index.html` or `posts/a.html` → `/posts/a/`. */
export function routeOfOutputFile(file: string): RoutePath {
  const path = file.replace(/\\/g, '/').replace(/^\/+/, '');
  if (path === 'index.html') return '/';
  const bare = path.replace(/\/index\.html$/, '').replace(/\.html$/, '');
  return `/${bare}/`;
}

/** The URL a search result links to: the page's own link, in the site's URL form (base path, trailing slash). */
export function searchResultUrl(file: string, policy: UrlPolicy): string {
  return routeHref(routeOfOutputFile(file), policy);
}
