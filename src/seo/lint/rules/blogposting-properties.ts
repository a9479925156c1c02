import type { PageRule } from '../types.ts';
import { articleNode, resolveReference } from './helpers.ts';

/** What Google recommends for an article, plus what this site's posts always know about themselves. */
const RECOMMENDED = ['headline', 'description', 'image', 'datePublished', 'dateModified', 'author', 'publisher', 'mainEntityOfPage', 'inLanguage', 'wordCount'];

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

export const blogpostingProperties: PageRule = {
  id: 'blogposting-properties',
  scope: 'page',
  description: 'A post’s JSON-LD has a BlogPosting with the recommended properties, and its author and publisher have names.',
  defaultLevel: 'error',
  check(page) {
    if (page.template !== 'post') return [];
    const article = articleNode(page);
    if (!article) {
      return [{ message: 'The post’s JSON-LD has no BlogPosting.', fix: 'Describe the post as a schema.org BlogPosting in its JSON-LD.' }];
    }
    const findings = [];
    const missing = RECOMMENDED.filter((property) => isMissing(article[property]));
    if (missing.length > 0) {
      findings.push({ message: `The BlogPosting lacks ${missing.join(', ')}.`, fix: 'Add them; rich results and other consumers use each one.' });
    }
    for (const property of ['author', 'publisher']) {
      const value = resolveReference(page, article[property]);
      if (isMissing(value)) continue;
      const first = Array.isArray(value) ? resolveReference(page, value[0]) : value;
      if (typeof first !== 'object' || first === null || isMissing((first as Record<string, unknown>)['name'])) {
        findings.push({ message: `The BlogPosting's ${property} has no name.`, fix: `Give the ${property} a "name" (or refer by "@id" to a node on the page that has one).` });
      }
    }
    return findings;
  },
};
