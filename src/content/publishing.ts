// The publishing rules. Every page, list, feed, sitemap entry and search record asks
// these functions and nothing else, so a draft or a scheduled post cannot leak anywhere.

export interface PublishableData {
  draft: boolean;
  pubDate: Date;
  noindex: boolean;
}

export interface Publishable {
  id: string;
  data: PublishableData;
}

export interface PublishingContext {
  /** The clock; posts dated after it are scheduled, not published. */
  now: Date;
  /** `astro dev` only: build drafts and scheduled posts so the author can preview them. */
  preview: boolean;
}

export type PostStatus = 'published' | 'draft' | 'scheduled';

export function postStatus(post: Publishable, now: Date): PostStatus {
  if (post.data.draft) return 'draft';
  if (post.data.pubDate.getTime() > now.getTime()) return 'scheduled';
  return 'published';
}

export interface PublishedPosts<Post extends Publishable> {
  /** Posts that get a page, newest first. */
  pages: Post[];
  /** Posts that appear in lists, tag pages, feeds, the sitemap and search, newest first: published and indexable. */
  listed: Post[];
}

function newestFirst(a: Publishable, b: Publishable): number {
  return b.data.pubDate.getTime() - a.data.pubDate.getTime() || a.id.localeCompare(b.id);
}

/** The single publishing decision: which posts get a page and which are listed. */
export function selectPublished<Post extends Publishable>(
  posts: readonly Post[],
  context: PublishingContext,
): PublishedPosts<Post> {
  const pages = posts
    .filter((post) => context.preview || postStatus(post, context.now) === 'published')
    .sort(newestFirst);
  const listed = pages.filter((post) => postStatus(post, context.now) === 'published' && !post.data.noindex);
  return { pages, listed };
}
