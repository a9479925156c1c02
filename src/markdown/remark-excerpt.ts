import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { pluginFrontmatter } from './plugin-data.ts';

export interface ExcerptOptions {
  /** Longest excerpt, in characters; longer text is cut at a word boundary and ends with "…". */
  maxLength?: number;
}

export const EXCERPT_KEY = 'excerpt';

// `<!-- more -->` marks the end of the introduction, as in WordPress, Hugo and Jekyll.
const MORE_MARKER = /^<!--\s*more\s*-->$/i;

function isMoreMarker(node: RootContent): boolean {
  return node.type === 'html' && MORE_MARKER.test(node.value.trim());
}

function plainText(nodes: readonly RootContent[]): string {
  return nodes
    .filter((node) => node.type === 'paragraph')
    .map((node) => toString(node, { includeImageAlt: false, includeHtml: false }))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Shortens text to at most `maxLength` characters at a word boundary, never splitting a surrogate pair. */
export function truncateAtWord(text: string, maxLength: number): string {
  const characters = [...text];
  if (characters.length <= maxLength) return text;
  const cut = characters.slice(0, maxLength - 1).join('');
  const boundary = cut.lastIndexOf(' ');
  const shortened = boundary > maxLength / 2 ? cut.slice(0, boundary) : cut;
  return `${shortened.replace(/[\s,;:.–—-]+$/u, '')}…`;
}

/**
 * The opening of a post as plain text: the paragraphs before a `<!-- more -->` line when the author
 * marks one, else the first paragraph that has any text. Headings, images, code and HTML are left out.
 */
export function markdownExcerpt(tree: Root, maxLength = 300): string {
  const marker = tree.children.findIndex(isMoreMarker);
  if (marker !== -1) return truncateAtWord(plainText(tree.children.slice(0, marker)), maxLength);
  for (const node of tree.children) {
    const paragraph = plainText([node]);
    if (paragraph !== '') return truncateAtWord(paragraph, maxLength);
  }
  return '';
}

/**
 * Adds `excerpt` to Astro's `remarkPluginFrontmatter`: the post's opening words, for places that show
 * body text rather than the hand-written `description` (which stays the summary for search results,
 * cards, lists and feeds, and is required, so every post always has one).
 */
export default function remarkExcerpt(options: ExcerptOptions = {}) {
  const maxLength = options.maxLength ?? 300;
  return (tree: Root, file: VFile) => {
    pluginFrontmatter(file)[EXCERPT_KEY] = markdownExcerpt(tree, maxLength);
  };
}
