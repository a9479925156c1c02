import type { PageRule } from '../types.ts';
import { metaValues, openingHint, whereToFix } from './helpers.ts';

export const descriptionPresent: PageRule = {
  id: 'description-present',
  scope: 'page',
  description: 'Each indexable page has exactly one non-empty meta description, the usual snippet under its search result.',
  defaultLevel: 'error',
  check(page, context) {
    if (!page.indexable) return [];
    const descriptions = metaValues(page, 'description');
    if (descriptions.length > 1) {
      return [{ message: `The page has ${descriptions.length} meta descriptions.`, fix: 'Keep exactly one <meta name="description">.' }];
    }
    if (descriptions.length === 1 && descriptions[0]!.trim() !== '') return [];
    const fix = `Write a one- or two-sentence summary (${whereToFix(page, context, 'description:', 'the description passed to BaseLayout')}).${openingHint(page, context)}`;
    return [{ message: descriptions.length === 0 ? 'The page has no <meta name="description">.' : 'The meta description is empty.', fix }];
  },
};
