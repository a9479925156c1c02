import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { parseMarkdownEntry } from '../content/frontmatter.ts';
import { postSlug } from '../content/posts-loader.ts';
import { basePathOf, routeHref, routes, type RoutePath, type UrlPolicy } from '../seo/urls.ts';
import { reportContentProblem } from './content-problems.ts';
import { pluginFrontmatter } from './plugin-data.ts';

export interface InternalLinkOptions extends UrlPolicy {
  /**
   * Folder holding the posts. With it, a link to another post's Markdown file (`./other-post.md`)
   * becomes that post's URL, and relative links resolve against the post's own URL.
   */
  postsDir?: string;
}

const OTHER_SCHEME = /^[a-z][a-z\d+.-]*:/i;
const PLACEHOLDER_ORIGIN = 'https://internal.invalid';

function splitSuffix(href: string): { path: string; suffix: string } {
  const start = href.search(/[?#]/);
  return start === -1 ? { path: href, suffix: '' } : { path: href.slice(0, start), suffix: href.slice(start) };
}

/** Turns an href on this site into the route it names ("/posts/a/#x"), or undefined for other links. */
export function hrefToRoute(href: string, site: string): RoutePath | undefined {
  let path = href;
  if (OTHER_SCHEME.test(href) || href.startsWith('//')) {
    let url: URL;
    try {
      url = new URL(href, site);
    } catch {
      return undefined;
    }
    const own = new URL(site);
    if (!/^https?:$/.test(url.protocol) || url.host !== own.host) return undefined;
    path = url.pathname + url.search + url.hash;
  }
  if (!path.startsWith('/')) return undefined;
  // Authors may or may not have written the base path before a route.
  const base = basePathOf(site);
  if (base !== '/' && (path === base.slice(0, -1) || path.startsWith(base))) path = `/${path.slice(base.length)}`;
  return path as RoutePath;
}

function postPath(file: string, postsDir: string): string {
  return relative(postsDir, file).split(sep).join('/');
}

/**
 * Rewrites links between pages of the site to the one URL form the site prints everywhere
 * (src/seo/urls.ts: trailing slash, .html files, base path), so a link never costs a redirect:
 * `/posts/a`, `https://own.site/posts/a` and `./a.md` all become `/posts/a/` under the default policy.
 * A link to a Markdown file that does not exist is reported as a content problem.
 */
export default function rehypeInternalLinks(options: InternalLinkOptions) {
  const policy: UrlPolicy = { site: options.site, trailingSlash: options.trailingSlash, format: options.format };
  const postsDir = options.postsDir === undefined ? undefined : resolve(options.postsDir);
  return (tree: Root, file: VFile) => {
    const source = file.path ? resolve(file.path) : undefined;
    const inPosts = postsDir !== undefined && source !== undefined && !relative(postsDir, source).startsWith('..');
    const ownRoute = inPosts ? routes.post(postSlug(postPath(source, postsDir), pluginFrontmatter(file))) : undefined;

    const markdownFileRoute = (path: string, suffix: string, node: Element): RoutePath | undefined => {
      if (!inPosts) return undefined;
      const target = resolve(dirname(source), decodeURIComponent(path));
      if (!existsSync(target)) {
        reportContentProblem(file, node.position, `the link to "${path}" points to a file that does not exist; check the file name, or link to the post's URL (/posts/<slug>/)`);
        return undefined;
      }
      const entry = parseMarkdownEntry(readFileSync(target, 'utf8'), target);
      return `${routes.post(postSlug(postPath(target, postsDir), entry.data))}${suffix}` as RoutePath;
    };

    visit(tree, 'element', (node) => {
      if (node.tagName !== 'a') return;
      const href = node.properties['href'];
      if (typeof href !== 'string' || href === '' || href.startsWith('#')) return;
      let route = hrefToRoute(href, policy.site);
      if (route === undefined && !OTHER_SCHEME.test(href) && !href.startsWith('//')) {
        const { path, suffix } = splitSuffix(href);
        if (/\.md$/i.test(path)) route = markdownFileRoute(path, suffix, node);
        else if (ownRoute !== undefined) {
          const url = new URL(href, PLACEHOLDER_ORIGIN + ownRoute);
          route = (url.pathname + url.search + url.hash) as RoutePath;
        }
      }
      if (route !== undefined) node.properties['href'] = routeHref(route, policy);
    });
  };
}
