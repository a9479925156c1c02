import { describe, expect, it } from 'vitest';
import { adjacentPosts, collectTags, groupByYear, paginate, relatedPosts, type Listable } from './listing.ts';

function post(id: string, pubDate: string, tags: string[]): Listable {
  return { id, data: { pubDate: new Date(pubDate), tags } };
}

// Newest first, as the publishing rules return them.
const posts = [
  post('e', '2026-05-01', ['SEO', 'Internet']),
  post('d', '2026-01-01', ['seo']),
  post('c', '2025-12-31T23:30:00Z', ['Digital photography']),
  post('b', '2025-06-01', ['Internet', 'Security']),
  post('a', '2024-01-01', ['SEO', 'Internet', 'Security']),
];
const ids = (list: readonly Listable[]) => list.map((item) => item.id);

describe('paginate', () => {
  it('splits posts into pages of the configured size', () => {
    expect(paginate(posts, 2).map((page) => [page.number, page.total, ids(page.posts)])).toEqual([
      [1, 3, ['e', 'd']],
      [2, 3, ['c', 'b']],
      [3, 3, ['a']],
    ]);
  });

  it('still has one (empty) page when there are no posts', () => {
    expect(paginate([], 10)).toEqual([{ number: 1, total: 1, posts: [] }]);
  });
});

describe('collectTags', () => {
  it('merges tags that differ only in case and sorts them by name', () => {
    const tags = collectTags(posts);
    expect(tags.map((tag) => [tag.slug, tag.name, ids(tag.posts)])).toEqual([
      ['digital-photography', 'Digital photography', ['c']],
      ['internet', 'Internet', ['e', 'b', 'a']],
      ['security', 'Security', ['b', 'a']],
      ['seo', 'SEO', ['e', 'd', 'a']],
    ]);
  });
});

describe('relatedPosts', () => {
  it('ranks by shared tags, then by date, never the post itself or unrelated posts', () => {
    expect(ids(relatedPosts(posts[4]!, posts))).toEqual(['e', 'b', 'd']);
    expect(ids(relatedPosts(posts[2]!, posts))).toEqual([]);
  });
});

describe('adjacentPosts', () => {
  it('finds the next older and next newer post', () => {
    expect(adjacentPosts(posts[1]!, posts)).toEqual({ older: posts[2], newer: posts[0] });
    expect(adjacentPosts(posts[0]!, posts)).toEqual({ older: posts[1], newer: undefined });
    expect(adjacentPosts(post('x', '2020-01-01', []), posts)).toEqual({ older: undefined, newer: undefined });
  });
});

describe('groupByYear', () => {
  it('groups by the year in the site’s time zone', () => {
    const tokyoYear = (date: Date) => Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Tokyo', year: 'numeric' }).format(date));
    expect(groupByYear(posts, tokyoYear).map((group) => [group.year, ids(group.posts)])).toEqual([
      [2026, ['e', 'd', 'c']],
      [2025, ['b']],
      [2024, ['a']],
    ]);
  });
});
