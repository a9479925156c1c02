// Reading built pages the way a crawler does: a real HTML parser, decoded attribute values.
import type { Document, Element } from 'domhandler';
import { findAll, getAttributeValue, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';

export interface ParsedPage {
  document: Document;
  all(predicate: (element: Element) => boolean): Element[];
  metaByName(name: string): string[];
  metaByProperty(property: string): string[];
  links(rel: string): string[];
  title(): string[];
  jsonLd(): unknown[];
  scripts(): Element[];
  anchors(): string[];
}

export function parsePage(html: string): ParsedPage {
  const document = parseDocument(html);
  const all = (predicate: (element: Element) => boolean) => findAll(predicate, document.children);
  const attr = (element: Element, name: string) => getAttributeValue(element, name) ?? '';
  return {
    document,
    all,
    metaByName: (name) => all((el) => el.name === 'meta' && attr(el, 'name') === name).map((el) => attr(el, 'content')),
    metaByProperty: (property) => all((el) => el.name === 'meta' && attr(el, 'property') === property).map((el) => attr(el, 'content')),
    links: (rel) => all((el) => el.name === 'link' && attr(el, 'rel') === rel).map((el) => attr(el, 'href')),
    title: () => all((el) => el.name === 'title').map((el) => textContent(el)),
    jsonLd: () => all((el) => el.name === 'script' && attr(el, 'type') === 'application/ld+json').map((el) => JSON.parse(textContent(el)) as unknown),
    scripts: () => all((el) => el.name === 'script'),
    anchors: () => all((el) => el.name === 'a' && el.attribs['href'] !== undefined).map((el) => attr(el, 'href')),
  };
}
