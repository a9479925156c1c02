// Reads one HTML page into the facts the rules check, in a single streaming pass of htmlparser2 (a
// spec-following tokenizer, no regular expressions and no DOM tree), which keeps the lint fast.
import { Parser } from 'htmlparser2';
import type { AnchorFact, PageFacts, ResourceFact } from './types.ts';

const HEADING = /^h([1-6])$/;
const INSECURE = /^http:\/\//i;
/** `<link rel>` values that name a page rather than a file the page loads; checked by their own rules. */
const NOT_RESOURCES = new Set(['canonical', 'preconnect', 'dns-prefetch', 'me', 'author', 'license']);

/** Collects the text of one element while it is open. */
interface TextCollector {
  text: string;
  /** Depth of aria-hidden elements inside, whose text an accessible name leaves out. */
  hidden: number;
  /** Alt text of images inside (a linked image's alt is the link's name). */
  alts: string[];
}

interface Frame {
  name: string;
  /** Text gathered while this element is open, if a fact needs it. */
  collector?: TextCollector;
  /** Records the fact once the element closes. */
  close?: () => void;
  hidden?: boolean;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

function srcsetUrls(srcset: string): string[] {
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

  const collect = (frame: Frame): TextCollector => {
    const collector: TextCollector = { text: '', hidden: 0, alts: [] };
    collectors.add(collector);
    frame.collector = collector;
    return collector;
  };
  const resource = (element: string, value: string | undefined) => {
    if (value !== undefined && value !== '') facts.resources.push({ element, url: value } satisfies ResourceFact);
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const frame: Frame = { name };
        stack.push(frame);
        for (const key in attributes) {
          const value = attributes[key]!;
          // A cheap first-character test before the pattern: this runs for every attribute of the page.
          if ((value.charCodeAt(0) | 0x20) === 0x68 && INSECURE.test(value)) facts.insecureUrls.push(value.trim());
        }
        if (attributes['id']) facts.ids.add(attributes['id']);
        if (attributes['aria-hidden'] === 'true') {
          frame.hidden = true;
          for (const collector of collectors) collector.hidden++;
        }
        if (name === 'svg') svgDepth++;
        const heading = HEADING.exec(name);
        if (heading) {
          const collector = collect(frame);
          frame.close = () => facts.headings.push({ level: Number(heading[1]), text: collapse(collector.text) });
          return;
        }
        switch (name) {
          case 'html':
            facts.lang = attributes['lang'];
            break;
          case 'body':
            facts.template = attributes['data-template'];
            break;
          case 'title': {
            if (svgDepth > 0) break;
            const collector = collect(frame);
            frame.close = () => facts.titles.push(collapse(collector.text));
            break;
          }
          case 'meta': {
            const key = (attributes['property'] ?? attributes['name'])?.toLowerCase();
            const content = attributes['content'];
            if (key === undefined || content === undefined) break;
            const values = facts.metas.get(key);
            if (values) values.push(content);
            else facts.metas.set(key, [content]);
            if (key === 'robots' || key === 'googlebot') {
              facts.robots.push(...content.toLowerCase().split(',').map((directive) => directive.trim()));
            }
            break;
          }
          case 'link': {
            const rel = (attributes['rel'] ?? '').toLowerCase().split(/\s+/).filter(Boolean);
            const href = attributes['href'];
            if (href === undefined) break;
            facts.links.push({ rel, href, type: attributes['type']?.toLowerCase() });
            if (!rel.some((value) => NOT_RESOURCES.has(value))) resource('link', href);
            break;
          }
          case 'a': {
            if (attributes['name']) facts.ids.add(attributes['name']);
            const href = attributes['href'];
            if (href === undefined) break;
            const collector = collect(frame);
            const label = attributes['aria-label']?.trim();
            const described = attributes['aria-labelledby'] !== undefined || attributes['aria-describedby'] !== undefined;
            frame.close = () => {
              const name = label || collapse([collector.text, ...collector.alts].join(' '));
              facts.anchors.push({ href, name, described } satisfies AnchorFact);
            };
            break;
          }
          case 'img': {
            facts.images.push({ src: attributes['src'], alt: attributes['alt'], width: attributes['width'], height: attributes['height'] });
            resource('img', attributes['src']);
            for (const candidate of srcsetUrls(attributes['srcset'] ?? '')) resource('img', candidate);
            const alt = attributes['alt'];
            if (alt) for (const collector of collectors) if (collector.hidden === 0) collector.alts.push(alt);
            break;
          }
          case 'source':
            resource('source', attributes['src']);
            for (const candidate of srcsetUrls(attributes['srcset'] ?? '')) resource('source', candidate);
            break;
          case 'script':
            if (attributes['src'] !== undefined) resource('script', attributes['src']);
            else if (attributes['type']?.toLowerCase() === 'application/ld+json') {
              const collector = collect(frame);
              frame.close = () => facts.jsonLd.push(collector.text);
            }
            break;
          case 'video':
          case 'audio':
            resource(name, attributes['src']);
            resource(name, attributes['poster']);
            break;
          case 'time':
            if (attributes['data-date'] !== undefined && attributes['datetime'] !== undefined) {
              const collector = collect(frame);
              const role = attributes['data-date'];
              const datetime = attributes['datetime'];
              frame.close = () => facts.times.push({ role, datetime, text: collapse(collector.text) });
            }
            break;
        }
      },
      ontext(text) {
        for (const collector of collectors) if (collector.hidden === 0) collector.text += text;
      },
      onclosetag() {
        // htmlparser2 reports implied and void elements' ends too, so the stack always matches.
        const frame = stack.pop();
        if (!frame) return;
        if (frame.name === 'svg') svgDepth--;
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
