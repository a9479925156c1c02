import type { PageRule } from '../types.ts';

/** Open Graph properties that are arrays by design and may repeat. */
const REPEATABLE = new Set(['article:tag', 'article:author', 'og:locale:alternate', 'og:see_also']);

export const socialTagsUnique: PageRule = {
  id: 'social-tags-unique',
  scope: 'page',
  description: 'Each og:, article: and twitter: tag appears once; with two, platforms pick one at random.',
  defaultLevel: 'error',
  check(page) {
    const findings = [];
    for (const [key, values] of page.metas) {
      if (values.length < 2 || REPEATABLE.has(key) || !/^(og|twitter|article):/.test(key)) continue;
      findings.push({
        message: `${key} appears ${values.length} times (${values.map((value) => JSON.stringify(value)).join(', ')}).`,
        fix: `Keep one ${key}: a page-specific value should replace the site default, not follow it.`,
      });
    }
    return findings;
  },
};
