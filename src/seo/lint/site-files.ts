// Readers for the non-HTML files the lint checks: sitemaps, robots.txt, feeds and llms.txt. Pure: text in, facts out.
import { Parser } from 'htmlparser2';
import type { FeedFacts, LlmsTxtFacts, RobotsFacts } from './types.ts';

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
  /** Names of the open ancestors, outermost first. */
  ancestors: string[];
}

/**
 * Streams an XML document, calling `onElement` as each element closes. Mismatched or unclosed tags,
 * which a browser would forgive but an XML reader (a feed reader, a search engine) rejects, are problems.
 */
function readXml(text: string, onElement: (element: XmlElement) => void): string[] {
  const problems: string[] = [];
  const stack: XmlElement[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        stack.push({ name, attributes, text: '', ancestors: stack.map((element) => element.name) });
      },
      ontext(data) {
        const current = stack.at(-1);
        if (current) current.text += data;
      },
      onclosetag(name, isImplied) {
        const element = stack.pop();
        // htmlparser2 also reports a self-closing tag (`<atom:link … />`) as implied; its source ends in "/>".
        const selfClosing = text.charCodeAt(parser.endIndex - 1) === 0x2f;
        if (isImplied && !selfClosing && problems.length < 5) problems.push(`<${name}> is not closed where it should be`);
        if (element) onElement(element);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(text);
  return problems;
}

export interface SitemapFile {
  kind: 'index' | 'urlset' | 'unknown';
  /** `<loc>` of each `<sitemap>` (index) or `<url>` (urlset). */
  locs: string[];
  /** `<lastmod>` of each `<url>` that has one, by its `<loc>`. */
  lastmods: Record<string, string>;
  problems: string[];
}

export function parseSitemap(text: string): SitemapFile {
  const locs: string[] = [];
  const lastmods: Record<string, string> = {};
  let kind: SitemapFile['kind'] = 'unknown';
  // A <url>'s children close before it does, in either order: pair them when it closes.
  let entry: { loc?: string; lastmod?: string } = {};
  const problems = readXml(text, (element) => {
    const parent = element.ancestors.at(-1) ?? '';
    if (element.name === 'sitemapindex') kind = 'index';
    else if (element.name === 'urlset') kind = 'urlset';
    else if (element.name === 'loc' && ['url', 'sitemap'].includes(parent)) {
      entry.loc = element.text.trim();
      locs.push(entry.loc);
    } else if (element.name === 'lastmod' && parent === 'url') entry.lastmod = element.text.trim();
    else if (element.name === 'url' || element.name === 'sitemap') {
      if (element.name === 'url' && entry.loc !== undefined && entry.lastmod) lastmods[entry.loc] = entry.lastmod;
      entry = {};
    }
  });
  if (kind === 'unknown') problems.push('it has neither <urlset> nor <sitemapindex> as its root');
  return { kind, locs, lastmods, problems };
}

export function parseFeed(text: string, file: string): FeedFacts {
  const itemLinks: string[] = [];
  let root = '';
  const problems = readXml(text, (element) => {
    const parent = element.ancestors.at(-1);
    if (element.ancestors.length === 0) root = element.name;
    if (element.name === 'link' && parent === 'item') itemLinks.push(element.text.trim());
    if (element.name === 'link' && parent === 'entry' && (element.attributes['rel'] ?? 'alternate') === 'alternate') {
      itemLinks.push(element.attributes['href'] ?? '');
    }
  });
  if (root !== 'rss' && root !== 'feed') problems.push('it is neither an RSS (<rss>) nor an Atom (<feed>) feed');
  return { file, itemLinks, problems };
}

interface RobotsRule {
  allow: boolean;
  pattern: string;
  matcher: RegExp;
}

function patternMatcher(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`);
}

/**
 * Reads robots.txt as Googlebot does (RFC 9309): the group naming "googlebot" if there is one, else
 * the "*" group; among matching rules the longest pattern wins, and "allow" wins a tie.
 */
export function parseRobots(text: string): RobotsFacts {
  const groups: { agents: string[]; rules: RobotsRule[] }[] = [];
  const sitemaps: string[] = [];
  let current: { agents: string[]; rules: RobotsRule[] } | undefined;
  let lastWasAgent = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const separator = line.indexOf(':');
    if (separator === -1) continue;
    const field = line.slice(0, separator).trim().toLowerCase();
    const value = line.slice(separator + 1).trim();
    if (field === 'sitemap') {
      sitemaps.push(value);
      continue;
    }
    if (field === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if ((field === 'allow' || field === 'disallow') && current && value !== '') {
      current.rules.push({ allow: field === 'allow', pattern: value, matcher: patternMatcher(value) });
    }
  }
  const group = groups.find((each) => each.agents.includes('googlebot')) ?? groups.find((each) => each.agents.includes('*'));
  const rules = group?.rules ?? [];
  const allows = (path: string) => {
    let best: RobotsRule | undefined;
    for (const rule of rules) {
      if (!rule.matcher.test(path)) continue;
      if (!best || rule.pattern.length > best.pattern.length || (rule.pattern.length === best.pattern.length && rule.allow)) best = rule;
    }
    return best?.allow ?? true;
  };
  return {
    text,
    sitemaps,
    allows,
    blocksEverything: rules.some((rule) => !rule.allow && (rule.pattern === '/' || rule.pattern === '/*')) && !rules.some((rule) => rule.allow),
  };
}

/** A `- [text](url)` list item, with optional `: notes`; `\]` escapes a bracket in the text. */
const LLMS_LINK = /^[-*] \[((?:\\.|[^\]\\])*)\]\(([^()\s]+)\)(?::\s.*)?$/;

/**
 * Reads llms.txt as the proposal (https://llmstxt.org) lays it out: a `#` title first, a `>` summary,
 * free text, then `##` sections whose list items are links.
 */
export function parseLlmsTxt(text: string, file: string): LlmsTxtFacts {
  const problems: string[] = [];
  const links: LlmsTxtFacts['links'] = [];
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((line) => line.trim() !== '');
  const title = first !== -1 && /^# \S/.test(lines[first]!) ? lines[first]!.slice(2).trim() : undefined;
  if (title === undefined) problems.push('it does not start with a "# " title (the site\'s name)');
  const next = lines.slice(first + 1).find((line) => line.trim() !== '');
  if (title !== undefined && !next?.startsWith('>')) problems.push('the title is not followed by a "> " summary');
  let section: string | undefined;
  lines.forEach((line, index) => {
    if (index !== first && /^# /.test(line)) problems.push(`line ${index + 1} is a second "# " title`);
    if (line.startsWith('## ')) section = line.slice(3).trim();
    else if (section !== undefined && /^[-*] /.test(line)) {
      const match = LLMS_LINK.exec(line.trim());
      if (match) links.push({ text: match[1]!.replace(/\\(.)/g, '$1'), url: match[2]!, section });
      else problems.push(`line ${index + 1} is not a link of the form "- [title](absolute URL): notes"`);
    }
  });
  return { file, title, links, problems };
}
