import { getCollection, type CollectionEntry } from 'astro:content';
import { selectPublished, type PublishedPosts } from '../content/publishing.ts';
import { buildEnv } from './site.ts';

export type Post = CollectionEntry<'posts'>;

let cached: Promise<PublishedPosts<Post>> | undefined;

/**
 * The published posts, by the one publishing rule. `astro dev` also builds drafts and
 * scheduled posts so their authors can preview them; a build never does.
 */
export function getPublishedPosts(): Promise<PublishedPosts<Post>> {
  const load = async () =>
    selectPublished(await getCollection('posts'), { now: buildEnv.now, preview: import.meta.env.PREVIEW_UNPUBLISHED });
  if (import.meta.env.PREVIEW_UNPUBLISHED) return load();
  cached ??= load();
  return cached;
}
