// What a post's HTML may contain: the one list the sanitizer at the end of the Markdown pipeline keeps
// (rehype-sanitize; the page and the feed both carry its output) and the content check at its start
// refuses everything outside (rehype-unsafe-content.ts), so the sanitizer never silently changes a post.
// It allows what Markdown, GFM, Prism and this site's plugins emit, and plain HTML an author may write
// for structure (figures, details, media); names are hast property names (className, srcSet).
import type { Schema } from 'hast-util-sanitize';

export interface PostHtmlOptions {
  /** Hosts a post may embed in an `<iframe>` (site config `embeds.frameHosts`); none allows no iframe. */
  frameHosts?: readonly string[];
}

const ARIA = ['ariaLabel', 'ariaLabelledBy', 'ariaDescribedBy', 'ariaDetails', 'ariaHidden', 'ariaCurrent', 'ariaRoleDescription'];
const GLOBAL = ['className', 'id', 'title', 'lang', 'dir', 'role', 'tabIndex', 'hidden', 'translate', 'data*', ...ARIA];

const TAGS = [
  // Markdown and GFM: paragraphs, headings, lists, tables, code, task lists, footnotes.
  'a', 'blockquote', 'br', 'code', 'del', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'img', 'input', 'li',
  'ol', 'p', 'pre', 'section', 'span', 'strong', 'sup', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul', 'div',
  // Text-level and structural HTML an author may write.
  'abbr', 'b', 'bdi', 'bdo', 'caption', 'cite', 'col', 'colgroup', 'dd', 'details', 'dfn', 'dl', 'dt', 'figcaption',
  'figure', 'i', 'ins', 'kbd', 'mark', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'sub', 'summary', 'tfoot',
  'time', 'u', 'var', 'wbr',
  // Media: responsive images, video and audio with their sources and captions.
  'picture', 'source', 'video', 'audio', 'track',
];

/** The sanitize schema of post HTML; see the comment at the top of this file. */
export function postHtmlSchema(options: PostHtmlOptions = {}): Schema {
  const frames = (options.frameHosts ?? []).length > 0;
  return {
    tagNames: [...TAGS, ...(frames ? ['iframe'] : [])],
    attributes: {
      '*': GLOBAL,
      a: ['href', 'rel', 'target', 'hrefLang', 'type'],
      img: ['src', 'srcSet', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding'],
      source: ['src', 'srcSet', 'sizes', 'type', 'media', 'width', 'height'],
      video: ['src', 'poster', 'controls', 'width', 'height', 'preload', 'muted', 'loop', 'playsInline', 'autoPlay'],
      audio: ['src', 'controls', 'preload', 'muted', 'loop', 'autoPlay'],
      track: ['src', 'kind', 'srcLang', 'label', 'default'],
      ...(frames ? { iframe: ['src', 'width', 'height', 'allow', 'allowFullScreen', 'loading', 'referrerPolicy', 'sandbox'] } : {}),
      // GFM task lists: a disabled checkbox, nothing else.
      input: [['type', 'checkbox'], 'checked', 'disabled'],
      td: ['align', 'colSpan', 'rowSpan', 'headers'],
      th: ['align', 'colSpan', 'rowSpan', 'headers', 'scope', 'abbr'],
      col: ['span'],
      colgroup: ['span'],
      ol: ['start', 'reversed', 'type'],
      li: ['value'],
      blockquote: ['cite'],
      q: ['cite'],
      del: ['cite', 'dateTime'],
      ins: ['cite', 'dateTime'],
      time: ['dateTime'],
      details: ['open'],
    },
    required: { input: { type: 'checkbox', disabled: true } },
    // Relative URLs always pass; of absolute ones only these schemes (never javascript:, vbscript: or data:).
    protocols: {
      href: ['http', 'https', 'mailto', 'tel'],
      src: ['http', 'https'],
      srcSet: ['http', 'https'],
      poster: ['http', 'https'],
      cite: ['http', 'https'],
    },
    // Heading ids are the TOC's and every "#" link's targets, so they keep their exact value.
    clobber: [],
    clobberPrefix: '',
    // Elements removed with their content, not unwrapped: their text is code or markup, never prose.
    strip: ['script', 'style', 'noscript', 'template', 'textarea', 'title', 'xmp', 'iframe', 'object', 'embed', 'svg', 'math', 'select'],
    ancestors: { tbody: ['table'], td: ['table'], th: ['table'], thead: ['table'], tfoot: ['table'], tr: ['table'], caption: ['table'], col: ['table'], colgroup: ['table'] },
    allowComments: false,
    allowDoctypes: false,
  };
}
