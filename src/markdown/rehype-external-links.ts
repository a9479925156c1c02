import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

export interface ExternalLinkOptions {
  /** The site's absolute URL; links to its host are internal and left alone. */
  site: string;
  /**
   * Open external links in a new tab. Off by default: readers decide where a link opens, and a tab
   * that opens unannounced disorients screen-reader users. When on, each link says so in hidden text.
   */
  newTab?: boolean;
  /** Hidden text appended to a link that opens a new tab. */
  newTabLabel?: string;
}

const SAFE_REL = ['noopener', 'noreferrer'];

/** Whether an href leaves the site: an http(s) or protocol-relative URL on another host. */
export function isExternalHref(href: string, site: string): boolean {
  if (!/^(https?:)?\/\//i.test(href)) return false;
  try {
    // Host, not origin: http://own.site/ is this site written insecurely (the internal-links plugin fixes it).
    return new URL(href, site).host !== new URL(site).host;
  } catch {
    return false;
  }
}

function relTokens(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}

/**
 * Marks links to other sites `rel="noopener noreferrer"`: the other site gets no handle on this page
 * (window.opener) and no referrer. With `newTab`, they also open in a new tab and say so.
 */
export default function rehypeExternalLinks(options: ExternalLinkOptions) {
  const newTabLabel = options.newTabLabel ?? ' (opens in a new tab)';
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'a') return;
      const href = node.properties['href'];
      if (typeof href !== 'string' || !isExternalHref(href, options.site)) return;
      const rel = relTokens(node.properties['rel']);
      node.properties['rel'] = [...rel, ...SAFE_REL.filter((token) => !rel.includes(token))];
      if (options.newTab && node.properties['target'] === undefined) {
        node.properties['target'] = '_blank';
        node.children.push({
          type: 'element',
          tagName: 'span',
          properties: { className: ['visually-hidden'] },
          children: [{ type: 'text', value: newTabLabel }],
        });
      }
    });
  };
}
