import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { codeLanguage } from './rehype-scroll-regions.ts';

/** The class of the box around a code block, whose bar the copy button (CopyCodeButtons.astro) goes into. */
export const CODE_BLOCK_CLASS = 'code-block';
export const CODE_BAR_CLASS = 'code-bar';

/**
 * Puts every code block in a box with a bar above it that names its language ("powershell"; empty for
 * plain text). The page's script adds a Copy button to the bar: the bar is there, at its height, before
 * the script runs, so the button moves nothing on the page and never covers a line of code. The language
 * is hidden from screen readers, which hear it in the code block's own name (rehype-scroll-regions).
 */
export default function rehypeCodeBlocks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'pre' || !parent || index === undefined) return;
      const language = codeLanguage(node);
      const bar: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: [CODE_BAR_CLASS] },
        children: language ? [{ type: 'element', tagName: 'span', properties: { className: ['code-language'], ariaHidden: 'true' }, children: [{ type: 'text', value: language }] }] : [],
      };
      const box: Element = { type: 'element', tagName: 'div', properties: { className: [CODE_BLOCK_CLASS] }, children: [bar, node as ElementContent] };
      parent.children[index] = box;
      return SKIP;
    });
  };
}
