// Small readers shared by the rules. Results that several rules need (parsed JSON-LD, resolved links)
// are computed once per page or site and remembered.
import { normaliseUrl } from '../dist-urls.ts';
import type { LintContext, Page, PageFacts, SiteFacts } from '../types.ts';

export function metaValues(page: PageFacts, key: string): string[] {
  return page.metas.get(key) ?? [];
}

export function firstMeta(page: PageFacts, key: string): string | undefined {
  return page.metas.get(key)?.[0];
}

/** Indexable pages grouped by a value (title, description) that two or more of them share. */
export function indexablePagesSharing(pages: readonly Page[], valueOf: (page: Page) => string | undefined): Map<string, Page[]> {
  const byValue = new Map<string, Page[]>();
  for (const page of pages) {
    const value = valueOf(page);
    if (!page.indexable || !value) continue;
    const group = byValue.get(value);
    if (group) group.push(page);
    else byValue.set(value, [page]);
  }
  for (const [value, group] of byValue) if (group.length < 2) byValue.delete(value);
  return byValue;
}

/** Every page but `page` in its group, as short URLs for a message. */
export function othersIn(group: readonly Page[], page: Page): string {
  return group
    .filter((other) => other !== page)
    .map((other) => shortUrl(other.url))
    .join(', ');
}

export function canonicalLinks(page: PageFacts): string[] {
  return page.links.filter((link) => link.rel.includes('canonical')).map((link) => link.href);
}

/** The page's path on the site as people see it ("/posts/a/"), for messages. */
export function shortUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return decodeURI(parsed.pathname) + parsed.search + parsed.hash;
  } catch {
    return url;
  }
}

export function sameUrl(a: string, b: string): boolean {
  const left = normaliseUrl(a);
  return left !== undefined && left === normaliseUrl(b);
}

/** Where a fix goes: the post's file when the page is a post, else a description of the page. */
export function whereToFix(page: Page, context: LintContext, field: string, otherwise: string): string {
  const source = context.sourceFor(page.url);
  return source ? `${field} in ${source.file}` : otherwise;
}

/**
 * " The post opens: "…"" for a fix that asks for a description, or "" for pages without a post.
 * Only a failing page should call it: the opening costs a Markdown parse.
 */
export function openingHint(page: Page, context: LintContext): string {
  const opening = context.sourceFor(page.url)?.opening?.();
  return opening ? ` The post opens: "${opening}"` : '';
}

/** The text in quotes for a message, cut to `max` characters; counted in code points, so an emoji is never split. */
export function quote(text: string, max = 80): string {
  const characters = [...text];
  return `"${characters.length > max ? `${characters.slice(0, max - 1).join('')}…` : text}"`;
}

// ---- JSON-LD ----

export type JsonLdNode = Record<string, unknown>;

export interface JsonLdBlock {
  nodes: JsonLdNode[];
  error: string | undefined;
  context: unknown;
}

const jsonLdCache = new WeakMap<PageFacts, JsonLdBlock[]>();

function flatten(value: unknown, into: JsonLdNode[]): void {
  if (Array.isArray(value)) for (const item of value) flatten(item, into);
  else if (typeof value === 'object' && value !== null) {
    const node = value as JsonLdNode;
    if (Array.isArray(node['@graph'])) flatten(node['@graph'], into);
    if (node['@type'] !== undefined) into.push(node);
  }
}

/** Each `<script type="application/ld+json">` parsed, with its top-level and @graph nodes. */
export function jsonLdBlocks(page: PageFacts): JsonLdBlock[] {
  let blocks = jsonLdCache.get(page);
  if (!blocks) {
    blocks = page.jsonLd.map((text) => {
      try {
        const data: unknown = JSON.parse(text);
        const nodes: JsonLdNode[] = [];
        flatten(data, nodes);
        const context = Array.isArray(data) ? (data[0] as JsonLdNode | undefined)?.['@context'] : (data as JsonLdNode | null)?.['@context'];
        return { nodes, error: undefined, context };
      } catch (error) {
        return { nodes: [], error: (error as Error).message, context: undefined };
      }
    });
    jsonLdCache.set(page, blocks);
  }
  return blocks;
}

export function hasType(node: JsonLdNode, types: readonly string[]): boolean {
  const type = node['@type'];
  return Array.isArray(type) ? type.some((each) => types.includes(String(each))) : types.includes(String(type));
}

/** A property's value with `{"@id": …}` references followed to the node they name on the page. */
export function resolveReference(page: PageFacts, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const id = (value as JsonLdNode)['@id'];
  if (typeof id !== 'string' || Object.keys(value).length > 1) return value;
  for (const block of jsonLdBlocks(page)) {
    const found = block.nodes.find((node) => node['@id'] === id);
    if (found) return found;
  }
  return value;
}

export const ARTICLE_TYPES = ['BlogPosting', 'Article', 'NewsArticle'] as const;

export function articleNode(page: PageFacts): JsonLdNode | undefined {
  for (const block of jsonLdBlocks(page)) {
    const found = block.nodes.find((node) => hasType(node, ARTICLE_TYPES));
    if (found) return found;
  }
  return undefined;
}

// ---- Links between pages ----

export interface ResolvedLink {
  from: Page;
  href: string;
  /** The file in dist/ it reaches, if any. */
  file: string | undefined;
  /** The page it reaches, if it is one. */
  target: Page | undefined;
  url: string;
  fragment: string;
}

const linkCache = new WeakMap<SiteFacts, ResolvedLink[]>();

/**
 * Every `<a href>` on the site that points to the site itself, resolved to the file it reaches;
 * an href a page repeats (navigation, a post linking one page twice) is listed once for that page.
 */
export function internalLinks(site: SiteFacts, context: LintContext): ResolvedLink[] {
  let links = linkCache.get(site);
  if (links) return links;
  const pagesByFile = new Map(site.pages.map((page) => [page.file, page]));
  const resolved: ResolvedLink[] = [];
  for (const page of site.pages) {
    const seen = new Set<string>();
    for (const anchor of page.anchors) {
      if (seen.has(anchor.href)) continue;
      seen.add(anchor.href);
      if (anchor.href.startsWith('#') && anchor.href.length > 1) {
        resolved.push({ from: page, href: anchor.href, file: page.file, target: page, url: page.url, fragment: safeDecode(anchor.href.slice(1)) });
        continue;
      }
      const target = context.resolve(anchor.href, page.url);
      if (!target) continue;
      const file = target.candidates.find((candidate) => site.dist.has(candidate));
      resolved.push({
        from: page,
        href: anchor.href,
        file,
        target: file === undefined ? undefined : pagesByFile.get(file),
        url: target.url,
        fragment: target.fragment,
      });
    }
  }
  linkCache.set(site, resolved);
  return resolved;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
