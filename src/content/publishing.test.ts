import { describe, expect, it } from 'vitest';
import { postStatus, selectPublished, type Publishable } from './publishing.ts';

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
