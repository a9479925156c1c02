import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { displayPath } from '../lib/files.ts';
import { readImageSize } from '../lib/image-size.ts';
import { reportContentProblem } from './content-problems.ts';

export interface ImageAttributeOptions {
  /**
   * The public/ folder: images written as "/photo.jpg" are read from it for their width and height,
   * and one that is not there is a content problem.
   */
  publicDir?: string;
  /** The site's base path ("/blog/"): an image may be written with it ("/blog/photo.jpg") or without. */
  base?: string;
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

function decoded(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/** The file an image URL names, without its query or fragment. */
function filePath(src: string): string {
  return decoded(src.split(/[?#]/)[0]!);
}

/** The file in public/ that a "/…" image is, or undefined when there is none. */
function publicFile(src: string, publicDir: string, base: string): string | undefined {
  const path = filePath(src);
  const candidates = [path, ...(base !== '/' && path.startsWith(base) ? [path.slice(base.length - 1)] : [])];
  return candidates.map((candidate) => join(publicDir, candidate)).find((file) => existsSync(file));
}

function sizeFromFile(file: string): { width: number; height: number } | undefined {
  try {
    return readImageSize(readFileSync(file));
  } catch {
    return undefined;
  }
}

/** Astro's list of the post's Markdown images beside it, which it imports (and fails on when one is missing). */
function importedImages(file: VFile): string[] | undefined {
  return (file.data as { astro?: { localImagePaths?: string[] } }).astro?.localImagePaths;
}

/**
 * Every image in a post needs alt text and a file that exists: either is a content problem naming the
 * post's file and line. A missing image beside the post is also taken off Astro's list of images to
 * import, so the build stops on that problem and not on Astro's "Could not find requested image", which
 * names neither. Images from public/ or other sites get `loading="lazy"`, `decoding="async"` and their
 * intrinsic width and height (from the file, or from a "=WxH" suffix of the title), so the page does not
 * shift as they load. Images beside the post are left to Astro, which adds the same attributes and
 * optimises them.
 */
export default function rehypeImageAttributes(options: ImageAttributeOptions = {}) {
  const base = options.base ?? '/';
  return (tree: Root, file: VFile) => {
    const imported = importedImages(file);
    const checkBesidePost = (node: Element, src: string) => {
      if (!file.path || src === '') return;
      const target = resolve(dirname(file.path), filePath(src));
      if (!existsSync(target)) {
        reportContentProblem(file, node.position, `the image "${src}" does not exist (${displayPath(target)}); check the file name, or save the image there`);
        imported?.splice(0, imported.length, ...imported.filter((entry) => entry !== decoded(src)));
      } else if (imported !== undefined && !imported.includes(decoded(src))) {
        // Astro publishes only the images of Markdown `![]()` syntax; an HTML <img> would point at nothing.
        reportContentProblem(file, node.position, `the HTML image "${src}" is not published with the post; write it as a Markdown image instead: ![Describe it](${src})`);
      }
    };
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
      if (isLocalToPost(src)) {
        checkBesidePost(node, src);
        return;
      }
      const inPublic = src.startsWith('/') && !src.startsWith('//') ? options.publicDir : undefined;
      const publicPath = inPublic === undefined ? undefined : publicFile(src, inPublic, base);
      if (inPublic !== undefined && publicPath === undefined) {
        const expected = displayPath(join(inPublic, filePath(src)));
        reportContentProblem(file, node.position, `the image "${src}" does not exist (${expected}); check the file name, or save the image there`);
      }
      node.properties['loading'] ??= 'lazy';
      node.properties['decoding'] ??= 'async';
      if (node.properties['width'] !== undefined && node.properties['height'] !== undefined) return;
      const size = declared ?? (publicPath === undefined ? undefined : sizeFromFile(publicPath));
      if (size) {
        node.properties['width'] = size.width;
        node.properties['height'] = size.height;
      }
    });
  };
}
