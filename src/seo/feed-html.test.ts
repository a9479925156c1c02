import { resolve } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../tests/helpers/markdown-fixtures.ts';
import { markdownPipeline } from '../markdown/pipeline.ts';
import { postHtmlSchema } from '../markdown/post-html-schema.ts';
import { absolutizeUrls, feedContent } from './feed-html.ts';

const SITE = 'https://urban-haze.example/';
const FRAME_HOSTS = ['www.youtube-nocookie.com'];

// Everything an owner might paste into a post, safe and not: the build refuses the unsafe parts, and
// whatever is left must be the same in the page and the feed.
const HOSTILE_POST = `Read [the guide](/posts/a-guide) first.

## A section

<script>alert(1)</script>

<img src="/logo.png" alt="The logo" onerror="alert(2)"> and <a href="javascript:alert(3)">a trap</a>.

<iframe src="https://ads.example/frame"></iframe>

<iframe src="https://www.youtube-nocookie.com/embed/abc" title="A video"></iframe>

<p style="color: red" data-note="kept">Text with <mark>a mark</mark>.</p>

![A chart](http://images.example/chart.png)

<form action="https://collect.example/"><input type="text"></form>
`;

function parse(html: string): Root {
  const root: Root = { type: 'root', children: [{ type: 'raw', value: html } as unknown as RootContent] };
  return unified().use(rehypeRaw).runSync(root);
}

function serialize(tree: Root): string {
  return unified().use(rehypeStringify).stringify(tree);
}

/** Every element as `tag[attribute…]`, in document order. */
function inventory(tree: Root): string[] {
  const found: string[] = [];
  visit(tree, 'element', (node: Element) => {
    found.push(`${node.tagName}[${Object.keys(node.properties).sort().join(' ')}]`);
  });
  return found;
}

async function pageHtml(): Promise<string> {
  const plugins = markdownPipeline(
    { url: SITE, trailingSlash: 'always', buildFormat: 'directory', embeds: { frameHosts: FRAME_HOSTS } },
    { contentDir: resolve('content'), publicDir: resolve('public') },
  );
  return (await renderMarkdown(HOSTILE_POST, resolve('content/posts/hostile.md'), plugins)).html;
}

describe('the feed carries the page’s sanitized HTML', () => {
  it('lets through exactly what the page lets through: the same elements and attributes, less the "#" links', async () => {
    const page = await pageHtml();
    const feed = feedContent(page, SITE);
    const pageElements = inventory(parse(page)).filter((entry) => entry !== 'a[ariaLabel className dataPagefindIgnore href]' && entry !== 'span[ariaHidden]');
    expect(inventory(parse(feed))).toEqual(pageElements);
  });

  it('holds nothing the one sanitizer would remove, in the page or in the feed', async () => {
    const page = await pageHtml();
    for (const html of [page, feedContent(page, SITE)]) {
      const tree = parse(html);
      expect(serialize(sanitize(tree, postHtmlSchema({ frameHosts: FRAME_HOSTS })) as Root)).toBe(serialize(tree));
      expect(html).not.toMatch(/<script|onerror|javascript:|ads\.example|style=|<form|collect\.example|http:\/\/images/);
      expect(html).toContain('<iframe src="https://www.youtube-nocookie.com/embed/abc" title="A video"></iframe>');
      expect(html).toContain('data-note="kept"');
    }
  });

  it('makes the page’s root-relative URLs absolute for feed readers', () => {
    expect(absolutizeUrls('<a href="/posts/a/">a</a><img src="/logo.png" srcset="/a.png 1x, /b.png 2x">', SITE)).toBe(
      '<a href="https://urban-haze.example/posts/a/">a</a><img src="https://urban-haze.example/logo.png" srcset="https://urban-haze.example/a.png 1x, https://urban-haze.example/b.png 2x">',
    );
  });
});
