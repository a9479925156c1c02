// The facts other build steps read back from a built page's <head>: the page is the source of
// truth for what it is (canonical, robots, dates, social card), so nothing can disagree with it.
import { Parser } from 'htmlparser2';

export interface HeadFacts {
  canonical?: string;
  robots?: string;
  published?: string;
  modified?: string;
  /** og:updated_time: when a page that is not a post last changed. */
  updated?: string;
  ogImage?: string;
  ogTitle?: string;
}

/** Reads canonical, robots, the page's dates and the social image and title from a page's <head>. */
export function readHeadFacts(html: string): HeadFacts {
  const headEnd = html.indexOf('</head>');
  const facts: HeadFacts = {};
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === 'link' && attrs['rel'] === 'canonical' && attrs['href']) facts.canonical = attrs['href'];
      if (name !== 'meta' || attrs['content'] === undefined) return;
      if (attrs['name'] === 'robots') facts.robots = attrs['content'];
      if (attrs['property'] === 'article:published_time') facts.published = attrs['content'];
      if (attrs['property'] === 'article:modified_time') facts.modified = attrs['content'];
      if (attrs['property'] === 'og:updated_time') facts.updated = attrs['content'];
      if (attrs['property'] === 'og:image') facts.ogImage = attrs['content'];
      if (attrs['property'] === 'og:title') facts.ogTitle = attrs['content'];
    },
  });
  parser.end(headEnd === -1 ? html : html.slice(0, headEnd));
  return facts;
}
