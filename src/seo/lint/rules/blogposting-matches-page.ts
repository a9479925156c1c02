import type { Page, PageRule, RuleFinding } from '../types.ts';
import { articleNode, canonicalLinks, firstMeta, quote, resolveReference, sameUrl } from './helpers.ts';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether two ISO dates name the same moment; a date-only value matches its calendar day in the other's offset. */
export function sameDate(structured: string, shown: string): boolean {
  if (DATE_ONLY.test(structured) || DATE_ONLY.test(shown)) return structured.slice(0, 10) === shown.slice(0, 10);
  const left = Date.parse(structured);
  return !Number.isNaN(left) && left === Date.parse(shown);
}

function visibleDate(page: Page, role: string): string | undefined {
  return page.times.find((time) => time.role === role)?.datetime;
}

function pageOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    const node = value as Record<string, unknown>;
    const id = node['@id'] ?? node['url'];
    return typeof id === 'string' ? id : undefined;
  }
  return undefined;
}

export const blogpostingMatchesPage: PageRule = {
  id: 'blogposting-matches-page',
  scope: 'page',
  description: 'A post’s BlogPosting says what the page shows: headline = h1, dates = the shown dates, same description, URL and language.',
  defaultLevel: 'error',
  check(page) {
    if (page.template !== 'post') return [];
    const article = articleNode(page);
    if (!article) return [];
    const findings: RuleFinding[] = [];
    const h1 = page.headings.find((heading) => heading.level === 1)?.text;
    const headline = typeof article['headline'] === 'string' ? article['headline'].replace(/\s+/g, ' ').trim() : undefined;
    if (headline !== undefined && h1 !== undefined && headline !== h1) {
      findings.push({ message: `The BlogPosting headline ${quote(headline)} differs from the page's h1 ${quote(h1)}.`, fix: 'Use the post title for both.' });
    }
    const published = visibleDate(page, 'published');
    const modified = visibleDate(page, 'modified') ?? published;
    if (published === undefined) {
      findings.push({ message: 'The post shows no publication date (<time data-date="published" datetime="…">).', fix: 'Show the date the post was published, marked up as <time>.' });
    }
    const checks: [string, string | undefined][] = [
      ['datePublished', published],
      ['dateModified', modified],
    ];
    for (const [property, shown] of checks) {
      const value = article[property];
      if (typeof value !== 'string' || shown === undefined || sameDate(value, shown)) continue;
      findings.push({ message: `The BlogPosting ${property} is ${value} but the page shows ${shown}.`, fix: `Take ${property} and the shown date from the same frontmatter field.` });
    }
    const description = firstMeta(page, 'description');
    if (typeof article['description'] === 'string' && description !== undefined && article['description'] !== description) {
      findings.push({ message: 'The BlogPosting description differs from the meta description.', fix: 'Use the post’s description: for both.' });
    }
    const mainEntity = pageOf(resolveReference(page, article['mainEntityOfPage']));
    const canonical = canonicalLinks(page)[0];
    if (mainEntity !== undefined && canonical !== undefined && !sameUrl(mainEntity, canonical)) {
      findings.push({ message: `The BlogPosting mainEntityOfPage is ${mainEntity}, not the canonical URL ${canonical}.`, fix: 'Point mainEntityOfPage at the canonical URL.' });
    }
    const language = article['inLanguage'];
    if (typeof language === 'string' && page.lang !== undefined && language.toLowerCase() !== page.lang.toLowerCase()) {
      findings.push({ message: `The BlogPosting inLanguage is "${language}" but the page is <html lang="${page.lang}">.`, fix: 'Use the site’s language for both.' });
    }
    return findings;
  },
};
