// Pure list-building for the pages: pagination, tags, archive, related and adjacent posts.
// Inputs are already-published posts in list order, freshest first (see publishing.ts); the archive
// and older/newer links re-order by publication themselves.
import { slugify } from '../lib/slug.ts';
import { freshestFirst, latestPublishedFirst } from './publishing.ts';

export interface Listable {
  id: string;
  data: { pubDate: Date; updatedDate?: Date | undefined; tags: readonly string[] };
}

export interface ListPage<Post> {
  /** 1-based page number. */
  number: number;
  /** Total number of pages (at least 1, so an empty blog still has a home page). */
  total: number;
  posts: Post[];
}

/** The posts pinned at the top of the home page (`featured: true`), in list order. */
export function featuredPosts<Post extends { data: { featured: boolean } }>(listed: readonly Post[]): Post[] {
  return listed.filter((post) => post.data.featured);
}

export function paginate<Post>(posts: readonly Post[], perPage: number): ListPage<Post>[] {
  const total = Math.max(1, Math.ceil(posts.length / perPage));
  return Array.from({ length: total }, (_, index) => ({
    number: index + 1,
    total,
    posts: posts.slice(index * perPage, (index + 1) * perPage),
  }));
}

export interface Tag<Post> {
  slug: string;
  /** The spelling used by the first post in the list carrying the tag. */
  name: string;
  /** In list order, freshest first. */
  posts: Post[];
}

/** Groups posts by tag; "SEO" and "seo" are one tag. Sorted by name. */
export function collectTags<Post extends Listable>(posts: readonly Post[]): Tag<Post>[] {
  const tags = new Map<string, Tag<Post>>();
  for (const post of posts) {
    const seen = new Set<string>();
    for (const name of post.data.tags) {
      const slug = slugify(name);
      if (slug === '' || seen.has(slug)) continue;
      seen.add(slug);
      const tag = tags.get(slug) ?? { slug, name, posts: [] };
      tag.posts.push(post);
      tags.set(slug, tag);
    }
  }
  return [...tags.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function tagSlug(name: string): string {
  return slugify(name);
}

export interface YearGroup<Post> {
  year: number;
  posts: Post[];
}

/**
 * The archive: posts grouped by the year they were published in, as `yearOf` sees it (the site's time
 * zone), latest year first and by publication within a year, whatever order the list is in. It is the
 * site's history, so an update does not move a post.
 */
export function groupByYear<Post extends Listable>(posts: readonly Post[], yearOf: (date: Date) => number): YearGroup<Post>[] {
  const years = new Map<number, Post[]>();
  for (const post of [...posts].sort(latestPublishedFirst)) {
    const year = yearOf(post.data.pubDate);
    years.set(year, [...(years.get(year) ?? []), post]);
  }
  return [...years.entries()].sort(([a], [b]) => b - a).map(([year, list]) => ({ year, posts: list }));
}

// A post's tag slugs, computed once per post.
const tagSlugCache = new WeakMap<Listable['data'], Set<string>>();
function tagSlugs(post: Listable): Set<string> {
  let slugs = tagSlugCache.get(post.data);
  if (!slugs) {
    slugs = new Set(post.data.tags.map(slugify));
    tagSlugCache.set(post.data, slugs);
  }
  return slugs;
}

export interface Neighbours<Post> {
  /** Whether the post is in the list itself. */
  listed: boolean;
  /** The listed post published just before it ("Older post"): by publication, not by update. */
  older: Post | undefined;
  /** The listed post published just after it ("Newer post"). */
  newer: Post | undefined;
  /** Posts sharing the most tags, then the freshest (list order); never the post itself. */
  related: Post[];
}

/**
 * Indexes a list once, in any order, then answers each post's older, newer and related posts.
 * Related posts come from the posts filed under the same tags, so a lookup costs the size of
 * those tags rather than of the whole list (comparing every pair cost 4,000 posts seconds of every build).
 */
export function postNeighbours<Post extends Listable>(
  listed: readonly Post[],
  relatedLimit = 3,
): (post: Listable) => Neighbours<Post> {
  const newestFirst = [...listed].sort(latestPublishedFirst);
  const positions = new Map(newestFirst.map((post, index) => [post.id, index]));
  const postsByTag = new Map<string, number[]>();
  newestFirst.forEach((post, index) => {
    for (const slug of tagSlugs(post)) {
      const tagged = postsByTag.get(slug);
      if (tagged) tagged.push(index);
      else postsByTag.set(slug, [index]);
    }
  });
  // Tags each post shares with the one being looked up; reset to zero after every lookup.
  const shared = new Uint32Array(newestFirst.length);
  const ranksAbove = (a: number, b: number) => shared[a]! - shared[b]! || freshestFirst(newestFirst[b]!, newestFirst[a]!);

  return (post) => {
    const own = positions.get(post.id);
    const candidates: number[] = [];
    for (const slug of tagSlugs(post)) {
      for (const index of postsByTag.get(slug) ?? []) {
        if (index === own) continue;
        if (shared[index] === 0) candidates.push(index);
        shared[index] = shared[index]! + 1;
      }
    }
    // The best few, kept in order: cheaper than sorting every candidate.
    const best: number[] = [];
    for (const index of candidates) {
      let at = best.length;
      while (at > 0 && ranksAbove(index, best[at - 1]!) > 0) at--;
      if (at < relatedLimit) {
        best.splice(at, 0, index);
        if (best.length > relatedLimit) best.pop();
      }
    }
    for (const index of candidates) shared[index] = 0;
    return {
      listed: own !== undefined,
      older: own === undefined ? undefined : newestFirst[own + 1],
      newer: own === undefined || own === 0 ? undefined : newestFirst[own - 1],
      related: best.map((index) => newestFirst[index]!),
    };
  };
}
