// Reads one HTML page into the facts the rules check, in a single streaming pass of htmlparser2 (a
// spec-following tokenizer, no regular expressions and no DOM tree), which keeps the lint fast.
import { Parser } from 'htmlparser2';
import type { AnchorFact, PageFacts } from './types.ts';

const INSECURE = /^http:\/\//i;
/** The attributes that can hold a URL, checked for http: links to the site. */
const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'content', 'poster', 'action', 'cite', 'data'];
/** `<link rel>` values that name a page or file rather than one the page loads; checked by their own rules. */
const NOT_RESOURCES = new Set(['canonical', 'sitemap', 'preconnect', 'dns-prefetch', 'me', 'author', 'license']);

/** Collects the text of one element while it is open. */
interface TextCollector {
  text: string;
  /** Depth of aria-hidden elements inside, whose text an accessible name leaves out. */
  hidden: number;
  /** Alt text of images inside (a linked image's alt is the link's name). */
  alts: string[];
}

/** What an open element must do when it closes. */
interface Frame {
  svg?: boolean;
  hidden?: boolean;
  collector?: TextCollector;
  /** Records the fact once the element closes. */
  close?: () => void;
}

/** The frame shared by every element that records nothing, sparing the garbage collector. */
const PLAIN: Frame = Object.freeze({});

/** 1–6 for h1–h6, else 0; called for every element, so no regular expression. */
function headingLevel(name: string): number {
  if (name.length !== 2 || name.charCodeAt(0) !== 0x68) return 0;
  const digit = name.charCodeAt(1) - 0x30;
  return digit >= 1 && digit <= 6 ? digit : 0;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

function srcsetUrls(srcset: string | undefined): string[] {
  if (!srcset) return [];
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((url) => url !== '');
}

export function readPageFacts(html: string, file: string, url: string): PageFacts {
  const facts: PageFacts = {
    file,
    url,
    lang: undefined,
    template: undefined,
    titles: [],
    metas: new Map(),
    links: [],
    headings: [],
    anchors: [],
    images: [],
    resources: [],
    ids: new Set(),
    jsonLd: [],
    times: [],
    insecureUrls: [],
    robots: [],
  };
  const stack: Frame[] = [];
  const collectors = new Set<TextCollector>();
  let svgDepth = 0;

  /** Starts collecting the element's text; `done` receives it when the element closes. */
  const collectText = (frame: Frame, done: (collector: TextCollector) => void): Frame => {
    const collector: TextCollector = { text: '', hidden: 0, alts: [] };
    collectors.add(collector);
    frame.collector = collector;
    frame.close = () => done(collector);
    return frame;
  };
  const resource = (element: string, value: string | undefined) => {
    if (value !== undefined && value !== '') facts.resources.push({ element, url: value });
  };

  /** Records what an element says, returning a frame when something must happen at its end. */
  function open(name: string, attributes: Record<string, string>, frame: Frame | undefined): Frame | undefined {
    const level = headingLevel(name);
    if (level !== 0) return collectText(frame ?? {}, ({ text }) => facts.headings.push({ level, text: collapse(text) }));
    switch (name) {
      case 'html':
        facts.lang = attributes['lang'];
        return frame;
      case 'body':
        facts.template = attributes['data-template'];
        return frame;
      case 'title':
        // An inline SVG's <title> names the drawing, not the page.
        return svgDepth > 0 ? frame : collectText(frame ?? {}, ({ text }) => facts.titles.push(collapse(text)));
      case 'meta': {
        const key = (attributes['property'] ?? attributes['name'])?.toLowerCase();
        const content = attributes['content'];
        if (key === undefined || content === undefined) return frame;
        const values = facts.metas.get(key);
        if (values) values.push(content);
        else facts.metas.set(key, [content]);
        if (key === 'robots' || key === 'googlebot') facts.robots.push(...content.toLowerCase().split(',').map((directive) => directive.trim()));
        return frame;
      }
      case 'link': {
        const href = attributes['href'];
        if (href === undefined) return frame;
        const rel = (attributes['rel'] ?? '').toLowerCase().split(/\s+/).filter(Boolean);
        facts.links.push({ rel, href, type: attributes['type']?.toLowerCase() });
        if (!rel.some((value) => NOT_RESOURCES.has(value))) resource('link', href);
        return frame;
      }
      case 'a': {
        if (attributes['name']) facts.ids.add(attributes['name']);
        const href = attributes['href'];
        if (href === undefined) return frame;
        const label = attributes['aria-label']?.trim();
        const described = attributes['aria-labelledby'] !== undefined || attributes['aria-describedby'] !== undefined;
        return collectText(frame ?? {}, ({ text, alts }) => {
          const accessibleName = label || collapse([text, ...alts].join(' '));
          facts.anchors.push({ href, name: accessibleName, described } satisfies AnchorFact);
        });
      }
      case 'img': {
        const alt = attributes['alt'];
        facts.images.push({ src: attributes['src'], alt, width: attributes['width'], height: attributes['height'] });
        resource('img', attributes['src']);
        for (const candidate of srcsetUrls(attributes['srcset'])) resource('img', candidate);
        if (alt) for (const collector of collectors) if (collector.hidden === 0) collector.alts.push(alt);
        return frame;
      }
      case 'source':
        resource('source', attributes['src']);
        for (const candidate of srcsetUrls(attributes['srcset'])) resource('source', candidate);
        return frame;
      case 'script':
        if (attributes['src'] !== undefined) resource('script', attributes['src']);
        else if (attributes['type']?.toLowerCase() === 'application/ld+json') return collectText(frame ?? {}, ({ text }) => facts.jsonLd.push(text));
        return frame;
      case 'video':
      case 'audio':
        resource(name, attributes['src']);
        resource(name, attributes['poster']);
        return frame;
      case 'time': {
        const role = attributes['data-date'];
        const datetime = attributes['datetime'];
        if (role === undefined || datetime === undefined) return frame;
        return collectText(frame ?? {}, ({ text }) => facts.times.push({ role, datetime, text: collapse(text) }));
      }
      default:
        return frame;
    }
  }

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        for (const key of URL_ATTRIBUTES) {
          const value = attributes[key];
          // A cheap first-character test before the pattern: this runs for every element of the page.
          if (value !== undefined && (value.charCodeAt(0) | 0x20) === 0x68 && INSECURE.test(value)) facts.insecureUrls.push(value.trim());
        }
        if (attributes['id']) facts.ids.add(attributes['id']);
        let frame: Frame | undefined;
        // Hidden before the element's own text collector starts: an aria-hidden link still has its text.
        if (attributes['aria-hidden'] === 'true') {
          frame = { hidden: true };
          for (const collector of collectors) collector.hidden++;
        }
        if (name === 'svg') {
          frame ??= {};
          frame.svg = true;
          svgDepth++;
        }
        stack.push(open(name, attributes, frame) ?? PLAIN);
      },
      ontext(text) {
        if (collectors.size === 0) return;
        for (const collector of collectors) if (collector.hidden === 0) collector.text += text;
      },
      onclosetag() {
        // htmlparser2 reports implied and void elements' ends too, so the stack always matches.
        const frame = stack.pop();
        if (!frame || frame === PLAIN) return;
        if (frame.svg) svgDepth--;
        if (frame.collector) collectors.delete(frame.collector);
        if (frame.hidden) for (const collector of collectors) collector.hidden--;
        frame.close?.();
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return facts;
}
