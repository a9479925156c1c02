/** Characters a slug may hold: lower-case letters of any script, combining marks, digits. */
export const SLUG_PATTERN = /^[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{Nd}]+(?:-[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{Nd}]+)*$/u;

/**
 * One deterministic slug for any text: Unicode NFC (so "café" typed either way is one URL),
 * lower case, every run of other characters collapsed to a single hyphen.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** The slug a content file gets from its path: `a/b/My Post.md` → `a/b/my-post`, `a/index.md` → `a`. */
export function slugFromPath(relativePath: string): string {
  const withoutExtension = relativePath.replace(/\\/g, '/').replace(/\.[^/.]+$/, '');
  const segments = withoutExtension.split('/').filter((segment) => segment !== '');
  if (segments.length > 1 && segments.at(-1)?.toLowerCase() === 'index') segments.pop();
  return segments.map(slugify).join('/');
}
