export interface TwitterAccount {
  handle: string;
  userId?: string | undefined;
}

/** X's follow intent: a plain link, so no third-party script or cookie reaches the page. */
export function followIntentUrl(account: TwitterAccount): string {
  const url = new URL('https://x.com/intent/follow');
  if (account.userId) url.searchParams.set('user_id', account.userId);
  else url.searchParams.set('screen_name', account.handle);
  return url.href;
}
