// Pure list-building for the pages: pagination, tags, archive, related and adjacent posts.
// Inputs are already-published posts (see publishing.ts), newest first.
import { slugify } from '../lib/slug.ts';

export interface Listable {
  id: string;
  data: { pubDate: Date; tags: readonly string[] };
}

export interface ListPage<Post> {
  /** 1-based page number. */
  number: number;
  /** Total number of pages (at least 1, so an empty blog still has a home page). */
  total: number;
  posts: Post[];
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
  /** The spelling used by the most recent post carrying the tag. */
  name: string;
  /** Newest first. */
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

/** Groups posts by the year they were published in, as `yearOf` sees it (the site's time zone). */
export function groupByYear<Post extends Listable>(posts: readonly Post[], yearOf: (date: Date) => number): YearGroup<Post>[] {
  const years = new Map<number, Post[]>();
  for (const post of posts) {
    const year = yearOf(post.data.pubDate);
    years.set(year, [...(years.get(year) ?? []), post]);
  }
  return [...years.entries()].sort(([a], [b]) => b - a).map(([year, list]) => ({ year, posts: list }));
}

// A post's tag slugs, computed once per post: related posts compare every pair of posts.
const tagSlugCache = new WeakMap<Listable['data'], Set<string>>();
function tagSlugs(post: Listable): Set<string> {
  let slugs = tagSlugCache.get(post.data);
  if (!slugs) {
    slugs = new Set(post.data.tags.map(slugify));
    tagSlugCache.set(post.data, slugs);
  }
  return slugs;
}

/** Posts sharing the most tags with `post`, then the newest; never the post itself. */
export function relatedPosts<Post extends Listable>(post: Listable, candidates: readonly Post[], limit = 3): Post[] {
  const own = tagSlugs(post);
  const scored: { candidate: Post; shared: number }[] = [];
  for (const candidate of candidates) {
    if (candidate.id === post.id) continue;
    let shared = 0;
    for (const slug of tagSlugs(candidate)) if (own.has(slug)) shared++;
    if (shared > 0) scored.push({ candidate, shared });
  }
  return scored
    .sort((a, b) => b.shared - a.shared || b.candidate.data.pubDate.getTime() - a.candidate.data.pubDate.getTime())
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

/** The next-older and next-newer posts in a newest-first list. */
export function adjacentPosts<Post extends Listable>(
  post: Listable,
  newestFirst: readonly Post[],
): { older: Post | undefined; newer: Post | undefined } {
  const index = newestFirst.findIndex((candidate) => candidate.id === post.id);
  if (index === -1) return { older: undefined, newer: undefined };
  return { older: newestFirst[index + 1], newer: index > 0 ? newestFirst[index - 1] : undefined };
}
