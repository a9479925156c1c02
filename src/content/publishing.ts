// The publishing rules. Every page, list, feed, sitemap entry and search record asks
// these functions and nothing else, so a draft or a scheduled post cannot leak anywhere.
import { toZonedIsoString } from '../lib/dates.ts';
import { postLastModified } from '../seo/last-modified.ts';

export interface PublishableData {
  draft: boolean;
  pubDate: Date;
  /** The last meaningful change; never before pubDate (the post schema refuses that). */
  updatedDate?: Date | undefined;
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

export function postStatus(post: { data: Pick<PublishableData, 'draft' | 'pubDate'> }, now: Date): PostStatus {
  if (post.data.draft) return 'draft';
  if (post.data.pubDate.getTime() > now.getTime()) return 'scheduled';
  return 'published';
}

export interface PublishedPosts<Post extends Publishable> {
  /** Posts that get a page, freshest first. */
  pages: Post[];
  /** Posts that appear in lists, tag pages, feeds, the sitemap and search, freshest first: published and indexable. */
  listed: Post[];
}

/** What ordering needs to know of a post. */
export interface DatedEntry {
  id: string;
  data: Pick<PublishableData, 'pubDate' | 'updatedDate'>;
}

/**
 * The order of every list of posts (home and list pages, tag pages, the feed): freshest first, by
 * the date a reader cares about, the post's last update or else its publication (postLastModified,
 * which also dates the post in the sitemap). A post rewritten this week is news again, wherever it
 * started. Ties go to the later publication, then to the id, so a build never reorders equals.
 */
export function freshestFirst(a: DatedEntry, b: DatedEntry): number {
  return (
    postLastModified(b).getTime() - postLastModified(a).getTime() ||
    b.data.pubDate.getTime() - a.data.pubDate.getTime() ||
    a.id.localeCompare(b.id)
  );
}

/**
 * Publication order, latest first, for what is a history rather than a reading list: the archive and
 * a post's older and newer neighbours. Ties go to the id.
 */
export function latestPublishedFirst(a: DatedEntry, b: DatedEntry): number {
  return b.data.pubDate.getTime() - a.data.pubDate.getTime() || a.id.localeCompare(b.id);
}

/** The single publishing decision: which posts get a page and which are listed. */
export function selectPublished<Post extends Publishable>(
  posts: readonly Post[],
  context: PublishingContext,
): PublishedPosts<Post> {
  const pages = posts
    .filter((post) => context.preview || postStatus(post, context.now) === 'published')
    .sort(freshestFirst);
  const listed = pages.filter((post) => postStatus(post, context.now) === 'published' && !post.data.noindex);
  return { pages, listed };
}

export interface PostFile {
  /** The post's file as the owner knows it, e.g. content/posts/x.md. */
  file: string;
  data: Pick<PublishableData, 'draft' | 'pubDate'>;
}

export interface LeftOutPost {
  file: string;
  status: Exclude<PostStatus, 'published'>;
  pubDate: Date;
}

/**
 * The posts a build leaves out, so that none disappears unnoticed (a pubDate typed a year ahead):
 * scheduled ones first, soonest first, then drafts by file.
 */
export function leftOutPosts(posts: readonly PostFile[], now: Date): LeftOutPost[] {
  const leftOut = posts.flatMap((post): LeftOutPost[] => {
    const status = postStatus(post, now);
    return status === 'published' ? [] : [{ file: post.file, status, pubDate: post.data.pubDate }];
  });
  const rank = (post: LeftOutPost) => (post.status === 'scheduled' ? 0 : 1);
  return leftOut.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.status === 'scheduled' ? a.pubDate.getTime() - b.pubDate.getTime() : 0) ||
      a.file.localeCompare(b.file),
  );
}

/** A day (or a day and time, when it has one) in the site's time zone: 2027-12-01, 2027-12-01 09:30. */
export function shownDate(date: Date, timeZone: string): string {
  const iso = toZonedIsoString(date, timeZone);
  return iso.slice(11, 19) === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** The line a build prints for a post it leaves out: `scheduled: content/posts/x.md for 2027-12-01`, `draft: content/posts/y.md`. */
export function leftOutLine(post: LeftOutPost, timeZone: string): string {
  return post.status === 'draft' ? `draft: ${post.file}` : `scheduled: ${post.file} for ${shownDate(post.pubDate, timeZone)}`;
}
