// Which built pages the search index holds, and under which URL. Pure; the Pagefind run
// itself is in src/integrations/search-index.ts.

/** Folder of the search bundle inside dist/; the search page loads `pagefind.js` from it. */
export const SEARCH_BUNDLE_DIR = 'pagefind';

/** Set by PostLayout on the parts of a published, indexable post that search should read. */
export const SEARCH_BODY_ATTRIBUTE = 'data-pagefind-body';

/**
 * The attributes that mark a post's title for the index, or none for a page search must skip.
 * The post names its own link (the site's canonical form: base path, trailing slash), which
 * search results use instead of a URL guessed from the file name.
 */
export function searchTitleAttributes(indexable: boolean, href: string): Record<string, string> {
  return indexable ? { [SEARCH_BODY_ATTRIBUTE]: '', 'data-pagefind-meta': `url:${href}` } : {};
}

/** The attributes that mark a post's text for the index. */
export function searchBodyAttributes(indexable: boolean): Record<string, string> {
  return indexable ? { [SEARCH_BODY_ATTRIBUTE]: '' } : {};
}

/**
 * Pages without the marker stay out: Pagefind skips unmarked pages once any page is marked, but
 * indexes every page of a site where none is, so a site without a marked page gets no index.
 */
export function isSearchablePage(html: string): boolean {
  return new RegExp(`<[a-z][^>]*\\s${SEARCH_BODY_ATTRIBUTE}(?=[\\s=>/])`, 'i').test(html);
}

export interface SearchResultData {
  url: string;
  meta: Record<string, string | undefined>;
}

/** Where a result links: the page's own link from its metadata, else Pagefind's file-based URL. */
export function searchResultHref(result: SearchResultData): string {
  return result.meta['url'] ?? result.url;
}

/** Pagefind's ready-made search UIs, which it always writes; the search page uses only its API. */
export function isUnusedBundleFile(name: string): boolean {
  return /^pagefind-(?:ui|modular-ui|component-ui|highlight)\./.test(name);
}
