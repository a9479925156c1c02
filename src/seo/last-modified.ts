// When a page last changed for its readers: the date the sitemap gives as <lastmod> and the page's
// head states (article:modified_time on posts, og:updated_time elsewhere). Never the build time.
export interface DatedPost {
  data: { pubDate: Date; updatedDate?: Date | undefined };
}

/**
 * A post's update, else its publication: the date its readers care about. It orders every list of
 * posts (freshestFirst in src/content/publishing.ts) and is the post's sitemap <lastmod>, which the
 * sitemap reads back from the page's article:modified_time, else article:published_time. The post
 * schema refuses an update before publication, so this is always the later of the two.
 */
export function postLastModified(post: DatedPost): Date {
  return post.data.updatedDate ?? post.data.pubDate;
}

const newest = (dates: readonly Date[]): Date | undefined =>
  dates.reduce<Date | undefined>((latest, date) => (latest === undefined || date > latest ? date : latest), undefined);

/**
 * When a list page last changed: the newest date of the posts it shows, or, when later than that,
 * the newest date in the whole list it is a page of, because lists run freshest first: a new or
 * updated post goes to the top and shifts the pages after it by one. Undefined for a list with no
 * posts, which has no true date.
 */
export function listLastModified(shown: readonly DatedPost[], whole: readonly DatedPost[] = shown): Date | undefined {
  return newest([...shown, ...whole].map(postLastModified));
}
