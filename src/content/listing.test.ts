import { describe, expect, it } from 'vitest';
import { collectTags, featuredPosts, groupByYear, paginate, postNeighbours, type Listable } from './listing.ts';
import { freshestFirst } from './publishing.ts';

function post(id: string, pubDate: string, tags: string[], updatedDate?: string): Listable {
  return { id, data: { pubDate: new Date(pubDate), tags, ...(updatedDate ? { updatedDate: new Date(updatedDate) } : {}) } };
}

// Never updated, so newest first is also freshest first, the order the publishing rules return.
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

  it('breaks a tie of tags and date by id', () => {
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

// The 2011 advisory rewritten in 2026 heads the list, as the publishing rules order it, but it is
// still the oldest post by publication.
const advisory = post('advisory', '2011-03-14', ['Security', 'Windows'], '2026-05-20');
const freshestList = [advisory, ...posts].sort(freshestFirst);

describe('lists with a post updated long after it was published', () => {
  it('shows the updated post first on the home page', () => {
    expect(ids(paginate(freshestList, 2)[0]!.posts)).toEqual(['advisory', 'e']);
  });

  it('files it first under its tags too', () => {
    const security = collectTags(freshestList).find((tag) => tag.slug === 'security')!;
    expect(ids(security.posts)).toEqual(['advisory', 'b', 'a']);
  });

  it('keeps the archive in publication order, the updated post under the year it was first published', () => {
    const year = (date: Date) => date.getUTCFullYear();
    expect(groupByYear(freshestList, year).map((group) => [group.year, ids(group.posts)])).toEqual([
      [2026, ['e', 'd']],
      [2025, ['c', 'b']],
      [2024, ['a']],
      [2011, ['advisory']],
    ]);
    expect(groupByYear([...freshestList].reverse(), year)).toEqual(groupByYear(freshestList, year));
  });

  it('links "Older post" and "Newer post" by publication: an update does not move a post among its neighbours', () => {
    const neighbours = postNeighbours(freshestList);
    expect(neighbours(advisory)).toMatchObject({ older: undefined, newer: posts[4] });
    expect(neighbours(posts[4]!)).toMatchObject({ older: advisory, newer: posts[3] });
    expect(neighbours(posts[0]!)).toMatchObject({ older: posts[1], newer: undefined });
  });

  it('ranks related posts with as many shared tags by freshness', () => {
    // e and b share two tags with a; the advisory and d one each, and the advisory's update (May 2026)
    // is fresher than d's publication (January 2026), though it was published long before.
    expect(ids(postNeighbours(freshestList)(posts[4]!).related)).toEqual(['e', 'b', 'advisory']);
  });
});

describe('featuredPosts', () => {
  const pinned = (item: Listable, featured: boolean) => ({ ...item, data: { ...item.data, featured } });
  const list = freshestList.map((item) => pinned(item, item.id === 'b' || item.id === 'advisory'));

  it('returns the featured posts in list order', () => {
    expect(ids(featuredPosts(list))).toEqual(['advisory', 'b']);
  });

  it('leaves them in the list of latest posts as well', () => {
    expect(ids(paginate(list, 10)[0]!.posts)).toEqual(['advisory', 'e', 'd', 'c', 'b', 'a']);
  });

  it('returns none when no post is featured', () => {
    expect(featuredPosts(list.map((item) => pinned(item, false)))).toEqual([]);
  });
});
