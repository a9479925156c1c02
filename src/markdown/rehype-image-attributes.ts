import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { readImageSize } from '../lib/image-size.ts';
import { reportContentProblem } from './content-problems.ts';

export interface ImageAttributeOptions {
  /** The public/ folder: images written as "/photo.jpg" are read from it for their width and height. */
  publicDir?: string;
}

// `![alt](https://… "Caption =800x600")`: the size of a remote image, which the build cannot download.
const TITLE_SIZE = /(?:^|\s)=(\d+)x(\d+)\s*$/;

/** Images next to the post ("./photo.jpg"), which Astro's image pipeline sizes and optimises itself. */
function isLocalToPost(src: string): boolean {
  return !src.startsWith('/') && !/^[a-z][a-z\d+.-]*:/i.test(src);
}

function sizeFromTitle(node: Element): { width: number; height: number } | undefined {
  const title = node.properties['title'];
  if (typeof title !== 'string') return undefined;
  const match = TITLE_SIZE.exec(title);
  if (!match) return undefined;
  const rest = title.slice(0, match.index).trim();
  if (rest === '') delete node.properties['title'];
  else node.properties['title'] = rest;
  return { width: Number(match[1]), height: Number(match[2]) };
}

function sizeFromPublicFile(src: string, publicDir: string): { width: number; height: number } | undefined {
  try {
    return readImageSize(readFileSync(join(publicDir, decodeURI(src.split(/[?#]/)[0]!))));
  } catch {
    return undefined;
  }
}

/**
 * Every image in a post needs alt text: one without is a content problem naming the file and line.
 * Images from public/ or other sites get `loading="lazy"`, `decoding="async"` and their intrinsic
 * width and height (from the file, or from a "=WxH" suffix of the title), so the page does not shift as
 * they load. Images beside the post are left to Astro, which adds the same attributes and optimises them.
 */
export default function rehypeImageAttributes(options: ImageAttributeOptions = {}) {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'img') return;
      const src = typeof node.properties['src'] === 'string' ? node.properties['src'] : '';
      const alt = node.properties['alt'];
      if (typeof alt !== 'string' || alt.trim() === '') {
        reportContentProblem(
          file,
          node.position,
          `the image "${src}" has no alt text; describe what it shows, e.g. ![A firewall alert on a Windows desktop](${src})`,
        );
      }
      const declared = sizeFromTitle(node);
      if (isLocalToPost(src)) return;
      node.properties['loading'] ??= 'lazy';
      node.properties['decoding'] ??= 'async';
      if (node.properties['width'] !== undefined && node.properties['height'] !== undefined) return;
      const size = declared ?? (src.startsWith('/') && options.publicDir ? sizeFromPublicFile(src, options.publicDir) : undefined);
      if (size) {
        node.properties['width'] = size.width;
        node.properties['height'] = size.height;
      }
    });
  };
}
