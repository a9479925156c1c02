import type { Element, Properties, Root } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { find, html } from 'property-information';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { reportContentProblem } from './content-problems.ts';
import { postHtmlSchema } from './post-html-schema.ts';

export interface UnsafeContentOptions {
  /** The site's absolute URL: on an https site, http:// media is mixed content. */
  site: string;
  /** Hosts a post may embed in an `<iframe>` (site config `embeds.frameHosts`). */
  frameHosts?: readonly string[];
}

const CONFIG = 'src/site.config.ts';

// Elements that can never be post content, each with why and what to do instead. They either run code,
// change the whole page (<base> re-targets every relative link, <meta> can redirect, <style> restyles
// the site and is blocked by the CSP), or need a server or plugin the site does not have.
const REFUSED_ELEMENTS: Readonly<Record<string, string>> = {
  script: 'posts may not run scripts (the site’s Content-Security-Policy would block it anyway); remove it, or show the code in a fenced code block',
  noscript: 'posts run no scripts, so there is nothing for it to stand in for; remove the <noscript> tags and keep their content',
  style: 'posts may not carry their own styles (the Content-Security-Policy blocks inline styles); remove it and let the site’s stylesheet style the post',
  link: 'it belongs in the page’s <head>, which the site writes itself; remove it',
  meta: 'it belongs in the page’s <head>, which the site writes itself; set the title and description in the frontmatter instead',
  base: 'it would change where every link on the page points; remove it',
  title: 'it belongs in the page’s <head>; set the post’s title in the frontmatter instead',
  object: 'browsers no longer run plugins (the CSP sets object-src none); link to the file instead, or use <video>/<audio> for media',
  embed: 'browsers no longer run plugins (the CSP sets object-src none); link to the file instead, or use <video>/<audio> for media',
  applet: 'no browser runs Java applets; remove it',
  frame: 'frames are obsolete HTML; remove it',
  frameset: 'frames are obsolete HTML; remove it',
  form: 'a static site cannot receive a form, and the CSP only lets forms post to this site; link to a contact page or a mailto: address instead',
  button: 'posts run no scripts, so a button would do nothing; use a link instead',
  select: 'posts run no scripts or forms, so it would do nothing; use a list instead',
  textarea: 'posts run no scripts or forms, so it would do nothing; use a fenced code block to show text',
  template: 'posts run no scripts, so a template is never shown; remove it',
  svg: 'save the drawing as an .svg file beside the post and include it as an image, e.g. ![Describe the drawing](./drawing.svg)',
  math: 'save the formula as an image beside the post, e.g. ![The formula in words](./formula.svg), or write it as text',
};

// Where a URL loads something into the page (mixed content on an https site), by element.
const SUBRESOURCE_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  img: ['src', 'srcSet'],
  source: ['src', 'srcSet'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  iframe: ['src'],
};

const URL_ATTRIBUTES = ['href', 'src', 'srcSet', 'poster', 'cite', 'action', 'formAction', 'data', 'xLinkHref', 'background', 'longDesc', 'ping'];

/** The attribute as the author wrote it (`onerror`, `srcset`, `aria-label`), for messages. */
function attributeName(property: string): string {
  return find(html, property).attribute;
}

function quote(value: unknown): string {
  const text = Array.isArray(value) ? value.join(' ') : String(value);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}…` : text);
}

function urlsOf(property: string, value: unknown): string[] {
  const text = Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '';
  if (property !== 'srcSet') return [text];
  return text.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '');
}

/** A URL's scheme as a browser reads it: case and the whitespace and control characters it ignores set aside. */
export function urlScheme(url: string): string | undefined {
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
  return /^([a-z][a-z\d+.-]*):/.exec(cleaned)?.[1];
}

function frameHostOf(src: string, site: string): string | undefined {
  try {
    return new URL(src, site).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** What the sanitizer keeps of one element on its own (its context is checked by the HTML parser already). */
function sanitizedAlone(node: Element, schema: Schema): Element | undefined {
  const alone: Element = { type: 'element', tagName: node.tagName, properties: node.properties, children: [] };
  const result = sanitize(alone, { ...schema, ancestors: {} });
  return result.type === 'element' ? result : undefined;
}

/**
 * Refuses HTML in a post that is unsafe or cannot work on this site, as content problems naming the
 * file, line and fix: scripts, frames from hosts the owner has not allowed (or without a title), inline
 * event handlers, javascript:/vbscript:/data: URLs, elements that belong to the page's head or need
 * plugins or a server, http:// media on an https site, media files beside the post (never published),
 * and anything else the sanitizer at the end of the pipeline would remove (post-html-schema.ts). What it
 * refuses it also takes out of the tree, so even a page rendered before the build stops (astro dev)
 * never shows it. It must run first, on the HTML as written (Astro's own rehype-raw runs last, so the
 * pipeline parses raw HTML into elements before it).
 */
export default function rehypeUnsafeContent(options: UnsafeContentOptions) {
  const frameHosts = new Set(options.frameHosts ?? []);
  const schema = postHtmlSchema({ frameHosts: [...frameHosts] });
  const httpsSite = new URL(options.site).protocol === 'https:';
  return (tree: Root, file: VFile) => {
    const refuse = (node: Element, message: string) => reportContentProblem(file, node.position, message);

    const refusedFrame = (node: Element): string | undefined => {
      const src = typeof node.properties['src'] === 'string' ? node.properties['src'] : '';
      const host = src === '' ? undefined : frameHostOf(src, options.site);
      if (host === undefined) return 'an <iframe> needs a src on a host the site allows; link to the page instead';
      if (!frameHosts.has(host)) {
        return `the <iframe> from "${host}" is refused: it is not an embed host the site allows; link to the page instead, or, if you trust ${host}, add it to embeds.frameHosts in ${CONFIG}`;
      }
      const title = node.properties['title'];
      if (typeof title !== 'string' || title.trim() === '') {
        return `the <iframe> from "${host}" has no title; say what it shows, for screen readers, e.g. <iframe title="Video: setting up the router" …>`;
      }
      return undefined;
    };

    const refusedElement = (node: Element): string | undefined => {
      const refused = REFUSED_ELEMENTS[node.tagName];
      if (refused !== undefined) return `the <${node.tagName}> element is refused: ${refused}`;
      if (node.tagName === 'iframe') return refusedFrame(node);
      if (sanitizedAlone(node, schema) === undefined) {
        return `the <${node.tagName}> element is not allowed in posts; use Markdown or an element README.md (“What a post may contain”) lists, or remove it`;
      }
      return undefined;
    };

    const checkAttributes = (node: Element) => {
      const reported = new Set<string>();
      const report = (property: string, message: string) => {
        reported.add(property);
        refuse(node, message);
      };
      const tag = `<${node.tagName}>`;
      for (const [property, value] of Object.entries(node.properties)) {
        const name = attributeName(property);
        if (/^on/i.test(name)) {
          report(property, `the ${name}=${quote(value)} attribute on ${tag} is refused: posts may not carry inline event handlers (the CSP blocks them too); remove it`);
          continue;
        }
        if (URL_ATTRIBUTES.includes(property)) {
          const bad = urlsOf(property, value).find((url) => ['javascript', 'vbscript', 'data'].includes(urlScheme(url) ?? ''));
          if (bad !== undefined) {
            report(property, `the ${name} URL ${quote(bad)} on ${tag} is refused: ${urlScheme(bad)}: URLs run code or hide content; use an https:// address or a file beside the post`);
            continue;
          }
        }
        if (SUBRESOURCE_ATTRIBUTES[node.tagName]?.includes(property)) {
          const urls = urlsOf(property, value);
          const insecure = httpsSite ? urls.find((url) => urlScheme(url) === 'http') : undefined;
          if (insecure !== undefined) {
            const copy = node.tagName === 'img' ? 'save the image beside the post' : 'save the file in public/';
            report(property, `the ${name} ${quote(insecure)} on ${tag} is insecure on this https site (mixed content, which browsers block or flag); use its https:// address, or ${copy}`);
            continue;
          }
          // Only Markdown images are published from beside the post (rehype-image-attributes checks those).
          const besidePost = node.tagName === 'img' ? undefined : urls.find((url) => url !== '' && urlScheme(url) === undefined && !/^[/#]/.test(url));
          if (besidePost !== undefined) {
            report(property, `the ${name} ${quote(besidePost)} on ${tag} points beside the post, where only Markdown images are published; save the file in public/ and write its path from there, e.g. "/media/${besidePost.split('/').pop()}"`);
            continue;
          }
        }
        if (property === 'style') {
          report(property, `the style attribute on ${tag} is refused: the site’s Content-Security-Policy blocks inline styles; remove it (the site’s stylesheet styles posts)`);
        }
      }
      const kept: Properties = sanitizedAlone(node, schema)?.properties ?? {};
      for (const [property, value] of Object.entries(node.properties)) {
        if (reported.has(property) || JSON.stringify(kept[property]) === JSON.stringify(value)) continue;
        report(property, `the ${attributeName(property)}=${quote(value)} attribute on ${tag} is not allowed in posts; remove it (README.md, “What a post may contain”, lists what is)`);
      }
      for (const property of reported) delete node.properties[property];
    };

    visit(tree, 'element', (node, index, parent) => {
      const problem = refusedElement(node);
      if (problem === undefined) {
        checkAttributes(node);
        return undefined;
      }
      refuse(node, problem);
      parent?.children.splice(index!, 1);
      return [SKIP, index!];
    });
  };
}
