import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { visit } from 'unist-util-visit';

export interface HeadingAnchorOptions {
  /** Heading levels that get an anchor link; every heading gets an id. */
  levels?: number[];
  /** Start of the link's accessible name, followed by the heading's text. */
  labelPrefix?: string;
}

const HEADING = /^h([1-6])$/;
// Inline HTML tags inside a heading (`<br>`, `<em>`) are not part of its text; Astro skips them too.
const INLINE_TAG = /^\n?<.*>\n?$/;

/**
 * A heading's text as Astro's own heading collector reads it (text nodes, code included, inline HTML
 * tags left out), so the id this plugin gives equals the `slug` Astro reports for the heading.
 */
export function headingText(heading: Element): string {
  let text = '';
  visit(heading, (node) => {
    const value = (node as { value?: unknown }).value;
    if (typeof value !== 'string') return;
    if (node.type === 'text' || (node.type === ('raw' as string) && !INLINE_TAG.test(value))) text += value;
  });
  return text;
}

const HIDDEN_CLASSES = ['sr-only', 'visually-hidden'];

/** A heading only screen readers see, such as the "Footnotes" label GFM adds: no anchor, no outline entry. */
export function isHiddenHeading(heading: Element): boolean {
  const classes = heading.properties['className'];
  return Array.isArray(classes) && classes.some((name) => HIDDEN_CLASSES.includes(String(name)));
}

function anchorLink(id: string, label: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    // Left out of the search index, so a result's excerpt never shows the "#" ("…NetSession. # As").
    properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabel: label, dataPagefindIgnore: '' },
    children: [{ type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] }],
  };
}

/**
 * Gives every heading an id (GitHub-style slugs, unique per page, the same Astro computes) and puts a
 * "#" link to the section after each visible heading of the chosen levels. The link sits beside the heading, not
 * inside it, so the heading's text, its accessible name and the table of contents stay clean; the link's
 * own accessible name says where it goes ("Link to section: …").
 */
export default function rehypeHeadingAnchors(options: HeadingAnchorOptions = {}) {
  const levels = new Set(options.levels ?? [2, 3, 4, 5, 6]);
  const labelPrefix = options.labelPrefix ?? 'Link to section: ';
  return (tree: Root) => {
    const slugger = new GithubSlugger();
    visit(tree, 'element', (node, index, parent) => {
      const level = HEADING.exec(node.tagName)?.[1];
      if (!level) return;
      const text = headingText(node);
      if (typeof node.properties['id'] !== 'string') node.properties['id'] = slugger.slug(text);
      else slugger.slug(node.properties['id']);
      if (!levels.has(Number(level)) || isHiddenHeading(node) || parent === undefined || index === undefined) return 'skip';
      const id = node.properties['id'] as string;
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['heading-wrapper', `level-h${level}`] },
        children: [node, anchorLink(id, `${labelPrefix}${text.trim()}`)],
      };
      (parent.children as (RootContent | ElementContent)[])[index] = wrapper;
      return 'skip';
    });
  };
}

// The exact markup `anchorLink` produces, once serialised (attribute values never contain `"` or `>`).
const ANCHOR_HTML = /<a class="heading-anchor" href="[^"]*" aria-label="[^"]*" data-pagefind-ignore(?:="")?><span aria-hidden="true">#<\/span><\/a>/g;

/**
 * Removes the section links from rendered HTML, for feed readers: they show no CSS, so a "#" link
 * after every heading would be noise there.
 */
export function stripHeadingAnchors(html: string): string {
  return html.replace(ANCHOR_HTML, '');
}
