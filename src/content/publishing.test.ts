import { describe, expect, it } from 'vitest';
import { postLastModified } from '../seo/last-modified.ts';
import { freshestFirst, latestPublishedFirst, leftOutLine, leftOutPosts, postStatus, selectPublished, shownDate, type Publishable } from './publishing.ts';

const now = new Date('2026-06-01T12:00:00Z');

function post(id: string, pubDate: string, data: Partial<Publishable['data']> = {}): Publishable {
  return { id, data: { draft: false, noindex: false, pubDate: new Date(pubDate), ...data } };
}

const posts = [
  post('old', '2025-01-01T00:00:00Z'),
  post('new', '2026-05-01T00:00:00Z'),
  post('draft', '2026-01-01T00:00:00Z', { draft: true }),
  post('scheduled', '2026-06-01T12:00:01Z'),
  post('due-now', '2026-06-01T12:00:00Z'),
  post('hidden', '2026-02-01T00:00:00Z', { noindex: true }),
];

const ids = (list: readonly Publishable[]) => list.map((item) => item.id);

describe('publishing rules', () => {
  it('publishes past posts, newest first, and never drafts or future posts', () => {
    const { pages, listed } = selectPublished(posts, { now, preview: false });
    expect(ids(pages)).toEqual(['due-now', 'new', 'hidden', 'old']);
    expect(ids(listed)).toEqual(['due-now', 'new', 'old']);
  });

  it('publishes a scheduled post once the clock passes its date', () => {
    const later = new Date('2026-06-02T00:00:00Z');
    expect(ids(selectPublished(posts, { now: later, preview: false }).listed)).toContain('scheduled');
  });

  it('gives a noindex post a page but keeps it out of every list', () => {
    const { pages, listed } = selectPublished(posts, { now, preview: false });
    expect(ids(pages)).toContain('hidden');
    expect(ids(listed)).not.toContain('hidden');
  });

  it('builds drafts and scheduled posts in dev preview, still without listing them', () => {
    const { pages, listed } = selectPublished(posts, { now, preview: true });
    expect(ids(pages)).toEqual(expect.arrayContaining(['draft', 'scheduled']));
    expect(ids(listed)).not.toContain('draft');
    expect(ids(listed)).not.toContain('scheduled');
  });

  it.each([
    { id: 'draft', status: 'draft' },
    { id: 'scheduled', status: 'scheduled' },
    { id: 'due-now', status: 'published' },
  ])('calls $id $status', ({ id, status }) => {
    expect(postStatus(posts.find((item) => item.id === id)!, now)).toBe(status);
  });
});

describe('the order of lists: freshest first', () => {
  // The advisory first written in 2011 and rewritten last week, beside posts that were never updated.
  const advisory = post('advisory', '2011-03-14T00:00:00Z', { updatedDate: new Date('2026-05-28T00:00:00Z') });
  const fresh = post('fresh', '2026-05-01T00:00:00Z');
  const older = post('older', '2026-03-01T00:00:00Z');
  const listedIds = (list: Publishable[]) => ids(selectPublished(list, { now, preview: false }).listed);

  it('lists a post updated recently above a newer post that was never updated', () => {
    expect(listedIds([older, fresh, advisory])).toEqual(['advisory', 'fresh', 'older']);
  });

  it('orders the pages the same way as the lists', () => {
    expect(ids(selectPublished([older, advisory, fresh], { now, preview: false }).pages)).toEqual(['advisory', 'fresh', 'older']);
  });

  it('orders by exactly the date the sitemap gives each post (its update, else its publication)', () => {
    const list = [older, fresh, advisory, post('hidden-update', '2025-01-01T00:00:00Z', { updatedDate: new Date('2026-04-01T00:00:00Z') })];
    const dates = selectPublished(list, { now, preview: false }).listed.map((item) => postLastModified(item).getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it('breaks a tie of dates by the later publication, then by id, whatever order the posts came in', () => {
    const sameDay = new Date('2026-05-28T00:00:00Z');
    const updated = post('an-update', '2026-01-01T00:00:00Z', { updatedDate: sameDay });
    const publishedThatDay = post('published-that-day', '2026-05-28T00:00:00Z');
    const twinB = post('twin-b', '2026-02-01T00:00:00Z');
    const twinA = post('twin-a', '2026-02-01T00:00:00Z');
    const expected = ['published-that-day', 'an-update', 'twin-a', 'twin-b'];
    expect(listedIds([updated, twinB, publishedThatDay, twinA])).toEqual(expected);
    expect(listedIds([twinA, publishedThatDay, twinB, updated])).toEqual(expected);
  });

  it('gives the archive and older/newer links publication order instead, where an update moves nothing', () => {
    expect(ids([older, advisory, fresh].sort(latestPublishedFirst))).toEqual(['fresh', 'older', 'advisory']);
    expect(ids([older, advisory, fresh].sort(freshestFirst))).toEqual(['advisory', 'fresh', 'older']);
  });

  it('still never lists a draft, a scheduled or a noindex post, however recently updated', () => {
    const updatedLately = { updatedDate: new Date('2026-05-31T00:00:00Z') };
    const list = [
      fresh,
      post('draft', '2026-01-01T00:00:00Z', { draft: true, ...updatedLately }),
      post('scheduled', '2026-07-01T00:00:00Z'),
      post('hidden', '2026-01-01T00:00:00Z', { noindex: true, ...updatedLately }),
    ];
    expect(listedIds(list)).toEqual(['fresh']);
  });
});

describe('what a build leaves out', () => {
  const files = [
    { file: 'content/posts/b-draft.md', data: { draft: true, pubDate: new Date('2026-01-01T00:00:00Z') } },
    { file: 'content/posts/typo-year.md', data: { draft: false, pubDate: new Date('2027-12-01T00:00:00Z') } },
    { file: 'content/posts/a-draft.md', data: { draft: true, pubDate: new Date('2027-01-01T00:00:00Z') } },
    { file: 'content/posts/tonight.md', data: { draft: false, pubDate: new Date('2026-06-01T17:30:00Z') } },
    { file: 'content/posts/published.md', data: { draft: false, pubDate: new Date('2026-05-01T00:00:00Z') } },
  ];

  it('prints one line per scheduled post (soonest first, with its date) and per draft', () => {
    expect(leftOutPosts(files, now).map((post) => leftOutLine(post, 'Europe/London'))).toEqual([
      'scheduled: content/posts/tonight.md for 2026-06-01 18:30',
      'scheduled: content/posts/typo-year.md for 2027-12-01',
      'draft: content/posts/a-draft.md',
      'draft: content/posts/b-draft.md',
    ]);
  });

  it('says nothing when every post is published', () => {
    expect(leftOutPosts(files.slice(4), now)).toEqual([]);
  });

  it.each([
    { date: '2027-12-01T00:00:00Z', timeZone: 'UTC', shown: '2027-12-01' },
    { date: '2027-06-30T23:00:00Z', timeZone: 'Europe/London', shown: '2027-07-01' },
    { date: '2027-06-30T23:00:00Z', timeZone: 'UTC', shown: '2027-06-30 23:00' },
  ])('shows $date in $timeZone as $shown', ({ date, timeZone, shown }) => {
    expect(shownDate(new Date(date), timeZone)).toBe(shown);
  });
});
