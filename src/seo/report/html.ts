// The one way the report puts text into HTML: every title, description, URL and message it shows comes
// from pages the owner (or a post's frontmatter) wrote, so none of it is trusted.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for element content and for quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/** A relative link to a file of the report: each path segment percent-encoded, then escaped for the attribute. */
export function hrefOf(path: string): string {
  return escapeHtml(path.split('/').map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment))).join('/'));
}
