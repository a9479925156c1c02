import { describe, expect, it } from 'vitest';
import { feedItemFields } from './feed-item.ts';

const post = { title: 'A post', description: 'What it says.', pubDate: new Date('2011-03-14T00:00:00Z'), tags: ['Security'] };
const link = 'https://example.com/posts/a/';

describe('feedItemFields', () => {
  it('dates an item by its first publication', () => {
    expect(feedItemFields(post, link, 'Europe/London')).toEqual({
      title: 'A post',
      link,
      pubDate: new Date('2011-03-14T00:00:00Z'),
      description: 'What it says.',
      categories: ['Security'],
    });
  });

  it('adds <atom:updated> in RFC 3339, in the site’s time zone, when the post was updated, keeping pubDate', () => {
    const item = feedItemFields({ ...post, updatedDate: new Date('2026-07-01T00:00:00+01:00') }, link, 'Europe/London');
    expect(item.pubDate).toEqual(post.pubDate);
    expect(item.customData).toBe('<atom:updated>2026-07-01T00:00:00+01:00</atom:updated>');
  });
});
