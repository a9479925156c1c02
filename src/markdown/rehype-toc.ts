import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { pluginFrontmatter } from './plugin-data.ts';
import { headingText, isHiddenHeading } from './rehype-heading-anchors.ts';
import { TOC_KEY, type TocHeading } from './toc.ts';

export interface TocOptions {
  /** Shallowest heading level listed (2: the post's sections; its title is the page's h1). */
  minDepth?: number;
  /** Deepest heading level listed. */
  maxDepth?: number;
}

const HEADING = /^h([1-6])$/;

/**
 * Records the post's outline (depth, id, text of each heading in range) as `toc` in Astro's
 * `remarkPluginFrontmatter`, for the page's table of contents. Runs after rehype-heading-anchors, whose
 * ids the entries link to; a heading without an id cannot be linked and is left out, and so is a
 * heading only screen readers see (the footnotes label).
 */
export default function rehypeToc(options: TocOptions = {}) {
  const minDepth = options.minDepth ?? 2;
  const maxDepth = options.maxDepth ?? 3;
  return (tree: Root, file: VFile) => {
    const toc: TocHeading[] = [];
    visit(tree, 'element', (node) => {
      const depth = Number(HEADING.exec(node.tagName)?.[1] ?? 0);
      if (depth === 0) return;
      const id = node.properties['id'];
      if (depth >= minDepth && depth <= maxDepth && typeof id === 'string' && !isHiddenHeading(node)) {
        toc.push({ depth, slug: id, text: headingText(node).trim() });
      }
      return 'skip';
    });
    pluginFrontmatter(file)[TOC_KEY] = toc;
  };
}
