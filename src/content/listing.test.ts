import { describe, expect, it } from 'vitest';
import { collectTags, groupByYear, paginate, postNeighbours, type Listable } from './listing.ts';

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

describe('postNeighbours', () => {
  const neighbours = postNeighbours(posts);
  const related = (post: Listable) => ids(neighbours(post).related);

  it('ranks related posts by shared tags, then by date, never the post itself or unrelated posts', () => {
    expect(related(posts[4]!)).toEqual(['e', 'b', 'd']);
    expect(related(posts[2]!)).toEqual([]);
  });

  it('keeps only the best few related posts', () => {
    expect(ids(postNeighbours(posts, 1)(posts[4]!).related)).toEqual(['e']);
  });

  it('gives the same answer on every lookup', () => {
    expect([related(posts[0]!), related(posts[0]!)]).toEqual([
      ['a', 'd', 'b'],
      ['a', 'd', 'b'],
    ]);
  });

  it('breaks a tie of tags and date by list order', () => {
    const twins = [post('x', '2026-01-01', ['SEO']), post('y', '2026-01-01', ['SEO']), post('z', '2026-01-01', ['SEO'])];
    expect(ids(postNeighbours(twins)(twins[1]!).related)).toEqual(['x', 'z']);
  });

  it('finds the next older and next newer post', () => {
    expect(neighbours(posts[1]!)).toMatchObject({ listed: true, older: posts[2], newer: posts[0] });
    expect(neighbours(posts[0]!)).toMatchObject({ listed: true, older: posts[1], newer: undefined });
  });

  it('gives a post outside the list related posts but no older or newer one', () => {
    const unlisted = post('x', '2020-01-01', ['Security']);
    expect(neighbours(unlisted)).toEqual({ listed: false, older: undefined, newer: undefined, related: [posts[3], posts[4]] });
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
