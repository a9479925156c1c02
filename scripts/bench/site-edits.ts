// The edits the audit benchmark makes to its synthetic site, as an author's change would reach the
// build: one post's prose, and the shared stylesheet. Never used on the project's own content/ or dist/.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';

/**
 * A post's Markdown with the first word of its body replaced: the post page's text changes, while its
 * word count (so its reading time), title, description and tags do not, so no other page has to change.
 */
export function editPostBody(markdown: string, replacement = 'Edited'): string {
  const match = /^(---\n[^]*?\n---\n+)(\S+)/.exec(markdown);
  if (!match) throw new Error('editPostBody expects Markdown with frontmatter followed by a body.');
  return `${match[1]}${replacement}${markdown.slice(match[0].length)}`;
}

/** Root-relative stylesheet links of a page, in order: "/_astro/BaseLayout.BAq3LoVl.css". */
export function stylesheetsOf(html: string): string[] {
  return [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)].flatMap((tag) => {
    const href = /\bhref="([^"]+)"/.exec(tag[0])?.[1];
    return href?.startsWith('/') ? [href] : [];
  });
}

/** The stylesheet the most pages load (the first in page order on a tie): the site-wide one. */
export function sharedStylesheetOf(pages: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const html of pages) for (const href of new Set(stylesheetsOf(html))) counts.set(href, (counts.get(href) ?? 0) + 1);
  let best: string | undefined;
  for (const [href, count] of counts) if (best === undefined || count > counts.get(best)!) best = href;
  return best;
}

/** "BaseLayout.BAq3LoVl.css" with the 8-character content hash Vite would give `content`. */
export function rehashedName(fileName: string, content: string): string {
  const hash = createHash('sha256').update(content).digest('base64url').slice(0, 8);
  const match = /^(.+)\.[A-Za-z0-9_-]{8}(\.[A-Za-z0-9]+)$/.exec(fileName);
  if (!match) throw new Error(`${fileName} has no 8-character hash segment before its extension; it is not a hashed build asset.`);
  return `${match[1]}.${hash}${match[2]}`;
}

export interface StylesheetEdit {
  from: string;
  to: string;
  /** HTML files (relative to dist/) whose links were rewritten. */
  pages: number;
}

/**
 * Simulates an edit of the shared CSS on a built site, as a rebuild would write it: the stylesheet every
 * page loads gets a rule more, so a new hashed name, and every HTML page links the new name.
 */
export function editSharedStylesheet(dist: string, rule = 'h1{letter-spacing:-0.01em}'): StylesheetEdit {
  const htmlFiles = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
  const pages = htmlFiles.map((file) => readFileSync(join(dist, file), 'utf8'));
  const from = sharedStylesheetOf(pages);
  if (!from) throw new Error(`No page in ${dist} links a root-relative stylesheet, so there is no shared CSS to change.`);
  const css = `${readFileSync(join(dist, from), 'utf8')}${rule}\n`;
  const to = posix.join(posix.dirname(from), rehashedName(posix.basename(from), css));
  renameSync(join(dist, from), join(dist, to));
  writeFileSync(join(dist, to), css);
  let rewritten = 0;
  htmlFiles.forEach((file, index) => {
    const html = pages[index]!;
    if (!html.includes(from)) return;
    writeFileSync(join(dist, file), html.replaceAll(from, to));
    rewritten++;
  });
  return { from, to, pages: rewritten };
}
