/**
 * Makes root-relative `href`/`src`/`srcset` URLs in rendered post HTML absolute, because feed
 * readers resolve them against the feed, not the page.
 */
export function absolutizeUrls(html: string, site: string): string {
  const origin = new URL(site).origin;
  const absolute = (url: string) => (url.startsWith('/') && !url.startsWith('//') ? origin + url : url);
  return html
    .replace(/\s(href|src)="([^"]*)"/g, (_, name: string, url: string) => ` ${name}="${absolute(url)}"`)
    .replace(/\ssrcset="([^"]*)"/g, (_, set: string) => {
      const candidates = set.split(',').map((candidate) => {
        const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
        return [absolute(url), ...descriptor].join(' ');
      });
      return ` srcset="${candidates.join(', ')}"`;
    });
}
