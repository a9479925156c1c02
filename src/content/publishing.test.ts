import { describe, expect, it } from 'vitest';
import { leftOutLine, leftOutPosts, postStatus, selectPublished, shownDate, type Publishable } from './publishing.ts';

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
