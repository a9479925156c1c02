// When a page last changed for its readers: the date the sitemap gives as <lastmod> and the page's
// head states (article:modified_time on posts, og:updated_time elsewhere). Never the build time.
export interface DatedPost {
  data: { pubDate: Date; updatedDate?: Date | undefined };
}

/** A post's update, else its publication: the date its readers care about. */
export function postLastModified(post: DatedPost): Date {
  return post.data.updatedDate ?? post.data.pubDate;
}

const newest = (dates: readonly Date[]): Date | undefined =>
  dates.reduce<Date | undefined>((latest, date) => (latest === undefined || date > latest ? date : latest), undefined);

/**
 * When a list page last changed: the newest date of the posts it shows, or, when later than that,
 * the newest publication in the whole list it is a page of, because a new post shifts every later
 * page by one. Undefined for a list with no posts, which has no true date.
 */
export function listLastModified(shown: readonly DatedPost[], whole: readonly DatedPost[] = shown): Date | undefined {
  return newest([...shown.map(postLastModified), ...whole.map((post) => post.data.pubDate)]);
}
