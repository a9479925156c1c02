import type { PageRule } from '../types.ts';
import { firstMeta, openingHint, whereToFix } from './helpers.ts';

export const descriptionLength: PageRule = {
  id: 'description-length',
  scope: 'page',
  description: 'A meta description is long enough to be useful and short enough not to be cut (70–160 characters by default).',
  defaultLevel: 'warn',
  check(page, context) {
    const description = firstMeta(page, 'description')?.trim();
    if (!page.indexable || !description) return [];
    const { descriptionMinLength: min, descriptionMaxLength: max } = context.thresholds;
    const length = [...description].length;
    if (length >= min && length <= max) return [];
    const where = whereToFix(page, context, 'description:', 'the page description');
    return [
      length < min
        ? {
            message: `The meta description has ${length} characters, fewer than ${min}; search engines may replace it with text from the page.`,
            fix: `Say in ${min}–${max} characters what the reader gets from the page (${where}).${openingHint(page, context)}`,
            evidence: 'description:',
          }
        : {
            message: `The meta description has ${length} characters, more than ${max}; results cut it off.`,
            fix: `Shorten it to at most ${max} characters, with the key point first (${where}).`,
            evidence: 'description:',
          },
    ];
  },
};
