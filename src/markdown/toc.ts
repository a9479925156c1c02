// The table of contents as data: the rehype-toc plugin records a flat outline, these pure functions
// nest it and decide whether a post shows it.

export interface TocHeading {
  depth: number;
  /** The heading's id (its anchor). */
  slug: string;
  text: string;
}

export interface TocEntry extends TocHeading {
  children: TocEntry[];
}

export const TOC_KEY = 'toc';

/**
 * Nests a flat outline: each heading goes under the nearest earlier heading of a smaller depth. A
 * document that skips a level (h2 then h4) still nests, one level deeper, never losing an entry.
 */
export function nestHeadings(headings: readonly TocHeading[]): TocEntry[] {
  const root: TocEntry[] = [];
  const open: TocEntry[] = [];
  for (const heading of headings) {
    const entry: TocEntry = { ...heading, children: [] };
    while (open.length > 0 && open.at(-1)!.depth >= heading.depth) open.pop();
    (open.at(-1)?.children ?? root).push(entry);
    open.push(entry);
  }
  return root;
}

function isTocHeading(value: unknown): value is TocHeading {
  if (typeof value !== 'object' || value === null) return false;
  const { depth, slug, text } = value as Record<string, unknown>;
  return typeof depth === 'number' && typeof slug === 'string' && typeof text === 'string';
}

/** The outline the plugin recorded in a rendered post's `remarkPluginFrontmatter`. */
export function readToc(frontmatter: Record<string, unknown>): TocHeading[] {
  const value = frontmatter[TOC_KEY];
  return Array.isArray(value) ? value.filter(isTocHeading) : [];
}

/** A post shows its table of contents when it has at least `minSections` top-level sections. */
export function shouldShowToc(headings: readonly TocHeading[], minSections: number): boolean {
  if (headings.length === 0) return false;
  const top = Math.min(...headings.map((heading) => heading.depth));
  return headings.filter((heading) => heading.depth === top).length >= minSections;
}

/** How many entries the table of contents lists, as its collapsed summary says it: "20 sections". */
export function tocCountLabel(headings: readonly TocHeading[]): string {
  return headings.length === 1 ? '1 section' : `${headings.length} sections`;
}
