// How a built page would look as a Google result, on desktop and on mobile: title and snippet cut where
// Google cuts them, the site name and URL line above, the date before the snippet, and the rich results its
// JSON-LD asks for. Pure: the page's facts (as the SEO lint reads them) in, a model for the report out.
import { domainToUnicode } from 'node:url';
import { canonicalLinks, firstMeta, hasType, jsonLdBlocks, type JsonLdNode } from '../lint/rules/helpers.ts';
import { pageState } from '../lint/run.ts';
import type { PageFacts } from '../lint/types.ts';
import { fitPixels, textDirection, type FittedLines, type PixelBox } from './text-fit.ts';

// Google publishes no limits; these are the values SEO tools measure and agree on, kept in one table.
// - Desktop title: Arial 20 px, cut at about 600 px (the lint's titleMaxPixels default; ../lint/title-width.ts).
// - Desktop snippet: Arial 14 px, about 920 px in all (two lines of the 600 px column, less the date), as
//   Screaming Frog, Portent and others measure it; the date prefix counts against it.
// - Mobile title: Arial 20 px on a 360 px wide phone less 16 px margins each side, wrapping to 2 lines. An
//   assumption, not measured here: mobile titles are reported to run longer than desktop ones and to be cut
//   after the second line.
// - Mobile snippet: Arial 14 px, about 680 px in all (the same tools' mobile figure).
// - Mobile URL line: the domain alone, since Google stopped showing breadcrumbs on mobile (Google Search
//   Central blog, "Simplifying the visible URL element on mobile search results", January 2025).
export const SERP_METRICS = {
  desktop: {
    title: { fontPx: 20, lineWidthPx: 600, maxLines: 1 },
    snippet: { fontPx: 14, lineWidthPx: 920, maxLines: 1 },
    breadcrumbs: true,
  },
  mobile: {
    title: { fontPx: 20, lineWidthPx: 328, maxLines: 2 },
    snippet: { fontPx: 14, lineWidthPx: 680, maxLines: 1 },
    breadcrumbs: false,
  },
} as const satisfies Record<SerpDevice, { title: PixelBox; snippet: PixelBox; breadcrumbs: boolean }>;

/** What separates the date from the snippet ("14 Mar 2011 — Learn how …"). */
export const DATE_SEPARATOR = ' — ';
/** What separates the crumbs of the URL line. */
export const CRUMB_SEPARATOR = ' › ';

export type SerpDevice = 'desktop' | 'mobile';

/** Rich results a page's JSON-LD makes it eligible for, by schema.org type. */
export const RICH_RESULTS: Readonly<Record<string, RichResult>> = {
  BlogPosting: 'article',
  Article: 'article',
  NewsArticle: 'article',
  BreadcrumbList: 'breadcrumbs',
};
export type RichResult = 'article' | 'breadcrumbs';

export interface SerpSite {
  /** Site name (site config `title`): the name Google shows when the page names none. */
  title: string;
  /** Site URL (site config `url`). */
  url: string;
  /** The lint's `lint.titleMaxPixels` when set, so a title is cut exactly when the title-width rule warns. */
  titleMaxPixels?: number | undefined;
}

export interface SerpResult {
  device: SerpDevice;
  siteName: string;
  /** The URL line as crumbs: the domain, then (on desktop) each path segment, decoded. */
  crumbs: string[];
  /** The crumbs joined as Google shows them: "urban-haze.example › posts › slug". */
  displayUrl: string;
  title: FittedLines;
  /** Where the title came from: the `<title>`, or the first `<h1>` when there is none (Google writes one). */
  titleSource: 'title' | 'h1' | 'none';
  /** The meta description as shown after the date; undefined when the page has none. */
  snippet: FittedLines | undefined;
}

export type SerpPreview =
  | {
      indexable: true;
      url: string;
      /** The page's date as Google shows it, e.g. "14 Mar 2011" (en-GB) or "Mar 14, 2011" (en-US). */
      date: string | undefined;
      richResults: RichResult[];
      desktop: SerpResult;
      mobile: SerpResult;
      /** Things the preview cannot show exactly, for a note under it. */
      notes: string[];
    }
  | {
      indexable: false;
      url: string;
      /** Why Google shows no result for it, in words for the owner. */
      reason: string;
    };

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The URL line's crumbs: the Unicode domain, then each non-empty path segment, percent-decoded. */
export function urlCrumbs(url: string): string[] {
  const parsed = new URL(url);
  const host = domainToUnicode(parsed.hostname) || parsed.hostname;
  const segments = parsed.pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => safeDecode(segment).normalize('NFC'));
  return [host, ...segments];
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(language: string): Intl.DateTimeFormat {
  let format = dateFormats.get(language);
  if (!format) {
    const options = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' } as const;
    try {
      format = new Intl.DateTimeFormat(language, options);
    } catch {
      // Not a language tag Intl knows (the html-lang rule reports it): British English, the site default.
      format = new Intl.DateTimeFormat('en-GB', options);
    }
    dateFormats.set(language, format);
  }
  return format;
}

/** A date written as ISO 8601, on the calendar day it was written in (its own offset), in Google's style. */
export function formatSerpDate(iso: string, language: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso.trim());
  if (!match) return undefined;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined;
  return dateFormat(language).format(date);
}

const jsonLdNodes = (page: PageFacts): JsonLdNode[] => jsonLdBlocks(page).flatMap((block) => block.nodes);

function nodeTypes(node: JsonLdNode): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).map(String);
}

/** The rich results the page's JSON-LD makes it eligible for, each once, in RICH_RESULTS order. */
export function richResultsOf(page: PageFacts): RichResult[] {
  const found = new Set(jsonLdNodes(page).flatMap((node) => nodeTypes(node).flatMap((type) => RICH_RESULTS[type] ?? [])));
  return [...new Set(Object.values(RICH_RESULTS))].filter((result) => found.has(result));
}

/** The date Google would show: the article's datePublished, else the page's shown published date, else article:published_time. */
function pageDate(page: PageFacts): string | undefined {
  const article = jsonLdNodes(page).find((node) => hasType(node, ['BlogPosting', 'Article', 'NewsArticle']));
  const published = article?.['datePublished'];
  if (typeof published === 'string') return published;
  return page.times.find((time) => time.role === 'published')?.datetime ?? firstMeta(page, 'article:published_time');
}

/** The site name Google shows: the WebSite node's name, og:site_name, then the site config's title (Google's documented sources, in order). */
function siteNameOf(page: PageFacts, site: SerpSite): string {
  const website = jsonLdNodes(page).find((node) => hasType(node, ['WebSite']));
  const name = website?.['name'];
  if (typeof name === 'string' && name.trim() !== '') return name.trim();
  return firstMeta(page, 'og:site_name')?.trim() || site.title;
}

function notIndexedReason(page: PageFacts): string | undefined {
  const state = pageState(page);
  if (state.notFound) return 'It is the 404 page, served for missing URLs; Google never lists it.';
  if (state.noindex) return `It says noindex (<meta name="robots" content="${page.robots.join(', ')}">), so Google leaves it out of results.`;
  if (!state.indexable) return `Its canonical is ${canonicalLinks(page)[0]}, so Google shows that URL instead of this one.`;
  return undefined;
}

/** The page as a Google result on desktop and mobile, or why it is not one. */
export function serpPreview(page: PageFacts, site: SerpSite): SerpPreview {
  const reason = notIndexedReason(page);
  if (reason !== undefined) return { indexable: false, url: page.url, reason };

  const language = page.lang ?? 'en';
  const rawDate = pageDate(page);
  const date = rawDate === undefined ? undefined : formatSerpDate(rawDate, language);
  const titleText = page.titles[0]?.trim() || undefined;
  const h1 = page.headings.find((heading) => heading.level === 1)?.text;
  const titleSource = titleText ? 'title' : h1 ? 'h1' : 'none';
  const description = firstMeta(page, 'description')?.trim() || undefined;
  const crumbs = urlCrumbs(page.url);
  const siteName = siteNameOf(page, site);

  const notes: string[] = [];
  if (titleSource === 'h1') notes.push('The page has no <title>; Google writes one, often from the main heading, as shown.');
  if (titleSource === 'none') notes.push('The page has no <title> and no <h1>; Google writes a title from other text on the page.');
  if (!description) notes.push('The page has no meta description; Google shows text from the page that matches the search instead.');

  const result = (device: SerpDevice): SerpResult => {
    const metrics = SERP_METRICS[device];
    const titleBox = device === 'desktop' && site.titleMaxPixels ? { ...metrics.title, lineWidthPx: site.titleMaxPixels } : metrics.title;
    const deviceCrumbs = metrics.breadcrumbs ? crumbs : crumbs.slice(0, 1);
    let snippet: FittedLines | undefined;
    if (description) {
      // The date is drawn first on the same lines, so it takes room from the description.
      const prefix = date ? `${date}${DATE_SEPARATOR}` : '';
      const fitted = fitPixels(prefix + description, metrics.snippet);
      const strip = (line: string) => (line.startsWith(prefix) ? line.slice(prefix.length) : line);
      snippet = { ...fitted, full: description, dir: textDirection(description), shown: strip(fitted.shown), lines: fitted.lines.map((line, index) => (index === 0 ? strip(line) : line)) };
    }
    return {
      device,
      siteName,
      crumbs: deviceCrumbs,
      displayUrl: deviceCrumbs.join(CRUMB_SEPARATOR),
      title: fitPixels(titleText ?? h1 ?? '', titleBox),
      titleSource,
      snippet,
    };
  };

  return { indexable: true, url: page.url, date, richResults: richResultsOf(page), desktop: result('desktop'), mobile: result('mobile'), notes };
}
