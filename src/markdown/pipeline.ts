// The site's Markdown plugins, in order, with their options from the site config. astro.config.mjs
// passes the result to `unified()`; Astro then adds its own steps around them (GFM and smart quotes
// before, Prism highlighting before the rehype plugins, image optimisation and heading collection after).
import { join } from 'node:path';
import type { RehypePlugins, RemarkPlugins, RemarkRehype } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import type { SiteConfig } from '../config/site-schema.ts';
import { basePathOf, urlPolicyOf } from '../seo/urls.ts';
import { postHtmlSchema } from './post-html-schema.ts';
import rehypeCodeBlocks from './rehype-code-blocks.ts';
import rehypeExternalLinks from './rehype-external-links.ts';
import rehypeFigures from './rehype-figures.ts';
import rehypeHeadingAnchors from './rehype-heading-anchors.ts';
import rehypeImageAttributes from './rehype-image-attributes.ts';
import rehypeInternalLinks from './rehype-internal-links.ts';
import rehypeScrollRegions from './rehype-scroll-regions.ts';
import rehypeToc from './rehype-toc.ts';
import rehypeUnsafeContent from './rehype-unsafe-content.ts';
import remarkExcerpt from './remark-excerpt.ts';
import remarkReadingTime from './remark-reading-time.ts';

export interface PipelinePaths {
  /** Folder holding posts/ (CONTENT_DIR). */
  contentDir: string;
  /** The public/ folder. */
  publicDir: string;
}

export function markdownPipeline(
  config: Pick<SiteConfig, 'url' | 'trailingSlash' | 'buildFormat' | 'embeds'>,
  paths: PipelinePaths,
): { remarkPlugins: RemarkPlugins; rehypePlugins: RehypePlugins; remarkRehype: RemarkRehype } {
  const policy = urlPolicyOf(config);
  return {
    remarkPlugins: [remarkReadingTime, remarkExcerpt],
    rehypePlugins: [
      // Raw HTML becomes elements (with their source lines) before anything looks at it: Astro's own
      // rehype-raw runs only after these plugins. Then HTML a post may not publish is refused.
      rehypeRaw,
      [rehypeUnsafeContent, { site: config.url, frameHosts: config.embeds.frameHosts }],
      // Ids first: the outline and every "#" link use them, and Astro's own heading list keeps them.
      rehypeHeadingAnchors,
      rehypeToc,
      [rehypeExternalLinks, { site: config.url }],
      [rehypeInternalLinks, { ...policy, postsDir: join(paths.contentDir, 'posts') }],
      [rehypeImageAttributes, { publicDir: paths.publicDir, base: basePathOf(config.url) }],
      // After the image attributes, which take a "=WxH" size off a title before it becomes a caption.
      rehypeFigures,
      rehypeScrollRegions,
      // Around the labelled code blocks: the bar that names the language and holds the Copy button.
      rehypeCodeBlocks,
      // Last: the one sanitizer of post HTML, so the page and the feed carry only what post-html-schema.ts allows.
      [rehypeSanitize, postHtmlSchema({ frameHosts: config.embeds.frameHosts })],
    ],
    // GFM footnotes get a "Footnotes" heading for screen readers, hidden with the site's own class.
    remarkRehype: { footnoteLabelProperties: { className: ['visually-hidden'] } },
  };
}
