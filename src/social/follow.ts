// The X/Twitter account, read from one config value (`twitter` in the site config) by both the
// follow button and the head tags (twitter:site, twitter:creator).

export interface TwitterAccount {
  /** Handle without "@" (the schema strips it). */
  handle: string;
  userId?: string | undefined;
}

/** X's follow intent: a plain link, so no third-party script or cookie reaches the page. */
export function followIntentUrl(account: TwitterAccount): string {
  const url = new URL('https://x.com/intent/follow');
  // The numeric id survives a change of handle; the handle is the fallback.
  if (account.userId) url.searchParams.set('user_id', account.userId);
  else url.searchParams.set('screen_name', account.handle);
  return url.href;
}

/** The handle as cards print it: `twitter:site` and `twitter:creator` content. */
export function twitterUsername(account: TwitterAccount): string {
  return `@${account.handle}`;
}

export interface FollowLink {
  href: string;
  /** Visible text, also the start of the accessible name. */
  label: string;
}

/** The follow button of the configured account, or none when no account is configured. */
export function followLink(account: TwitterAccount | undefined): FollowLink | undefined {
  if (!account) return undefined;
  return { href: followIntentUrl(account), label: `Follow ${twitterUsername(account)} on X` };
}
