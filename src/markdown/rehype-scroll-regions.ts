import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';

export interface ScrollRegionOptions {
  /** Start of a code block's accessible name, followed by its language: "Code: powershell". */
  codeLabel?: string;
  /** Start of a table's accessible name, followed by its caption or column headings. */
  tableLabel?: string;
}

/** The class of every scroll region, which global.css gives its scrolling and its focus ring. */
export const SCROLL_REGION_CLASS = 'scroll-region';

/** The class of a code block that wraps instead of scrolling (post-content.css). */
export const WRAPPED_CODE_CLASS = 'code-wraps';

// Languages that name no language: their blocks are just "Code".
const PLAIN = new Set(['text', 'plain', 'plaintext', 'txt']);

const classesOf = (node: Element): string[] => {
  const value: unknown = node.properties['className'];
  if (typeof value === 'string') return value.split(/\s+/);
  return Array.isArray(value) ? value.map(String) : [];
};

const clean = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A code block's language, from Prism's `data-language` or a `language-*` class; undefined for plain text. */
export function codeLanguage(pre: Element): string | undefined {
  const fromData = pre.properties['dataLanguage'];
  const code = pre.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
  const fromClass = [pre, ...(code ? [code] : [])]
    .flatMap(classesOf)
    .find((name) => name.startsWith('language-'))
    ?.slice('language-'.length);
  const language = typeof fromData === 'string' && fromData !== '' ? fromData : fromClass;
  return language && !PLAIN.has(language.toLowerCase()) ? language : undefined;
}

/**
 * A one-line block of plain text, such as a file path, wraps rather than scrolls: a reader must see all
 * of `C:\Users\<you>\…\netsession_win.exe` on a phone, and breaking it changes no meaning there. Code in a
 * language, and anything of several lines, keeps its lines as written and scrolls.
 */
export function wrapsLines(pre: Element): boolean {
  return codeLanguage(pre) === undefined && !toString(pre).replace(/\n+$/, '').includes('\n');
}

const childElements = (node: Element): Element[] => node.children.filter((child): child is Element => child.type === 'element');

/** A table's first row, directly in the table or in its first section. */
function firstRow(table: Element): Element | undefined {
  for (const child of childElements(table)) {
    if (child.tagName === 'tr') return child;
    if (['thead', 'tbody'].includes(child.tagName)) return childElements(child).find((row) => row.tagName === 'tr');
  }
  return undefined;
}

/** What a table is about: its caption, else the headings of its first row (undefined when it has neither). */
export function tableTopic(table: Element): string | undefined {
  const caption = childElements(table).find((child) => child.tagName === 'caption');
  const captionText = caption ? clean(toString(caption)) : '';
  if (captionText !== '') return captionText;
  const row = firstRow(table);
  const headings = (row ? childElements(row) : [])
    .filter((cell) => cell.tagName === 'th')
    .map((cell) => clean(toString(cell)))
    .filter((text) => text !== '');
  return headings.length > 0 ? headings.join(', ') : undefined;
}

const regionProperties = (label: string) => ({ tabIndex: 0, role: 'region', ariaLabel: label });

/**
 * Makes every code block and table a labelled scroll region a keyboard can reach (WCAG 2.1.1; axe's
 * `scrollable-region-focusable`): a `pre` gets `tabindex="0"`, `role="region"` and a name such as
 * "Code: powershell"; a table is wrapped in a `div` with the same attributes, named by its caption or
 * headings, because a role on the table itself would hide its rows and columns. All of them, not only
 * those that overflow: whether one scrolls depends on the reader's screen and zoom, which a build cannot know.
 * The exception is a one-line plain-text block (see `wrapsLines`): it wraps, never scrolls, so it is no tab stop.
 */
export default function rehypeScrollRegions(options: ScrollRegionOptions = {}) {
  const codeLabel = options.codeLabel ?? 'Code';
  const tableLabel = options.tableLabel ?? 'Table';
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName === 'pre') {
        if (wrapsLines(node)) node.properties = { ...node.properties, className: [...classesOf(node), WRAPPED_CODE_CLASS] };
        else if (node.properties['tabIndex'] === undefined) {
          const language = codeLanguage(node);
          node.properties = { ...node.properties, className: [...classesOf(node), SCROLL_REGION_CLASS], ...regionProperties(language ? `${codeLabel}: ${language}` : codeLabel) };
        }
        return SKIP;
      }
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      if (parent.type === 'element' && classesOf(parent).includes(SCROLL_REGION_CLASS)) return SKIP;
      const topic = tableTopic(node);
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: [SCROLL_REGION_CLASS], ...regionProperties(topic ? `${tableLabel}: ${topic}` : tableLabel) },
        children: [node as ElementContent],
      };
      parent.children[index] = wrapper;
      // A table inside a table scrolls with its outer one.
      return SKIP;
    });
  };
}
