// One RSS item's fields, from a post. The feed lists posts in the site's list order (freshest
// first); each item keeps pubDate as its first publication and, when the post was updated, says so
// in <atom:updated> (RFC 3339), the Atom element feed readers know, in the namespace the feed declares.
import { toZonedIsoString } from '../lib/dates.ts';

export interface FeedPost {
  title: string;
  description: string;
  pubDate: Date;
  updatedDate?: Date | undefined;
  tags: readonly string[];
}

export interface FeedItemFields {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
  customData?: string;
}

/** The item's fields for @astrojs/rss; `link` is the post's canonical URL. */
export function feedItemFields(post: FeedPost, link: string, timeZone: string): FeedItemFields {
  const fields: FeedItemFields = { title: post.title, link, pubDate: post.pubDate, description: post.description, categories: [...post.tags] };
  return post.updatedDate ? { ...fields, customData: `<atom:updated>${toZonedIsoString(post.updatedDate, timeZone)}</atom:updated>` } : fields;
}
