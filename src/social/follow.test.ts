import { describe, expect, it } from 'vitest';
import { followIntentUrl, followLink, twitterUsername } from './follow.ts';

describe('the X follow link', () => {
  it.each([
    { account: { handle: 'urbanhaze' }, url: 'https://x.com/intent/follow?screen_name=urbanhaze' },
    { account: { handle: 'urbanhaze', userId: '783214' }, url: 'https://x.com/intent/follow?user_id=783214' },
  ])('follows $account through $url', ({ account, url }) => {
    expect(followIntentUrl(account)).toBe(url);
  });

  it('is named after the handle, whichever id the URL uses', () => {
    expect(followLink({ handle: 'urbanhaze', userId: '783214' })).toEqual({
      href: 'https://x.com/intent/follow?user_id=783214',
      label: 'Follow @urbanhaze on X',
    });
  });

  it('is absent when no account is configured', () => {
    expect(followLink(undefined)).toBeUndefined();
  });

  it('gives the cards the same handle, with its @', () => {
    expect(twitterUsername({ handle: 'urbanhaze' })).toBe('@urbanhaze');
  });
});
