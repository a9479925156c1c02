import { stripHeadingAnchors } from '../markdown/rehype-heading-anchors.ts';

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

/**
 * A post's full content for the feed: the page's own rendered HTML, already sanitized by the Markdown
 * pipeline (src/markdown/post-html-schema.ts), without the "#" section links and with absolute URLs.
 * It only removes and rewrites, so the feed can carry nothing the page does not.
 */
export function feedContent(pageHtml: string, site: string): string {
  return absolutizeUrls(stripHeadingAnchors(pageHtml), site);
}
