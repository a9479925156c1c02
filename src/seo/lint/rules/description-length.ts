import type { PageRule } from '../types.ts';
import { firstMeta, whereToFix } from './helpers.ts';

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
    // The post's own opening (the excerpt the Markdown pipeline also computes) is often a good start.
    const opening = context.sourceFor(page.url)?.opening?.();
    const start = opening ? ` The post opens: "${opening}"` : '';
    return [
      length < min
        ? {
            message: `The meta description has ${length} characters, fewer than ${min}; search engines may replace it with text from the page.`,
            fix: `Say in ${min}–${max} characters what the reader gets from the page (${where}).${start}`,
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
