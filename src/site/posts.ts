import { getCollection, type CollectionEntry } from 'astro:content';
import { collectTags, postNeighbours, type Neighbours } from '../content/listing.ts';
import { selectPublished, type PublishedPosts } from '../content/publishing.ts';
import { buildEnv } from './site.ts';

export type Post = CollectionEntry<'posts'>;

let cached: Promise<PublishedPosts<Post>> | undefined;

/**
 * The published posts, by the one publishing rule, freshest first (freshestFirst). `astro dev` also
 * builds drafts and scheduled posts so their authors can preview them; a build never does.
 */
export function getPublishedPosts(): Promise<PublishedPosts<Post>> {
  const load = async () =>
    selectPublished(await getCollection('posts'), { now: buildEnv.now, preview: import.meta.env.PREVIEW_UNPUBLISHED });
  if (import.meta.env.PREVIEW_UNPUBLISHED) return load();
  cached ??= load();
  return cached;
}

const tagPages = new WeakMap<readonly Post[], ReadonlySet<string>>();

/** Slugs of the tags that have a page (the tags of listed posts), worked out once per build. */
export function tagsWithPages(listed: readonly Post[]): ReadonlySet<string> {
  let slugs = tagPages.get(listed);
  if (!slugs) {
    slugs = new Set(collectTags(listed).map((tag) => tag.slug));
    tagPages.set(listed, slugs);
  }
  return slugs;
}

const neighbourIndexes = new WeakMap<readonly Post[], (post: Post) => Neighbours<Post>>();

/**
 * A post's older and newer posts (by publication) and related posts among the listed ones, from an
 * index built once per build.
 */
export function neighboursOf(post: Post, listed: readonly Post[]): Neighbours<Post> {
  let lookup = neighbourIndexes.get(listed);
  if (!lookup) {
    lookup = postNeighbours(listed);
    neighbourIndexes.set(listed, lookup);
  }
  return lookup(post);
}
