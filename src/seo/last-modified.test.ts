import { describe, expect, it } from 'vitest';
import { listLastModified, postLastModified, type DatedPost } from './last-modified.ts';

const dated = (pubDate: string, updatedDate?: string): DatedPost => ({
  data: { pubDate: new Date(pubDate), ...(updatedDate ? { updatedDate: new Date(updatedDate) } : {}) },
});

describe('postLastModified', () => {
  it.each([
    { name: 'an updated post is dated by its update', post: dated('2026-03-10', '2026-04-02'), date: '2026-04-02' },
    { name: 'a post never updated is dated by its publication', post: dated('2026-03-10'), date: '2026-03-10' },
  ])('$name', ({ post, date }) => {
    expect(postLastModified(post)).toEqual(new Date(date));
  });
});

describe('listLastModified', () => {
  const newest = dated('2026-05-01');
  const updatedOlder = dated('2026-02-01', '2026-05-20');
  const old = dated('2026-01-10');
  const oldest = dated('2026-01-01');

  it.each([
    { name: 'a list is dated by its newest post', shown: [newest, old], whole: undefined, date: '2026-05-01' },
    { name: 'an older post updated since counts by its update', shown: [newest, updatedOlder, old], whole: undefined, date: '2026-05-20' },
    { name: 'a later page is dated by the newest publication in the list, which shifted it', shown: [old, oldest], whole: [newest, old, oldest], date: '2026-05-01' },
    { name: 'a later page is dated by an update elsewhere in the list, which moved that post to the top', shown: [old, oldest], whole: [updatedOlder, newest, old, oldest], date: '2026-05-20' },
    { name: 'the order of the posts does not matter', shown: [oldest, old, newest], whole: undefined, date: '2026-05-01' },
  ])('$name', ({ shown, whole, date }) => {
    expect(listLastModified(shown, whole)).toEqual(new Date(date));
  });

  it('gives an empty list no date, since none would be true', () => {
    expect(listLastModified([])).toBeUndefined();
  });
});
