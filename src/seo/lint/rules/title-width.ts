import { textWidthPx, visiblePart } from '../title-width.ts';
import type { PageRule } from '../types.ts';
import { quote, whereToFix } from './helpers.ts';

export const titleWidth: PageRule = {
  id: 'title-width',
  scope: 'page',
  description: 'A title fits the width Google shows in desktop results (about 600px of 20px Arial), measured in pixels, not characters.',
  defaultLevel: 'warn',
  check(page, context) {
    const title = page.titles[0];
    if (!page.indexable || !title) return [];
    const max = context.thresholds.titleMaxPixels;
    const width = textWidthPx(title);
    if (width <= max) return [];
    const shown = visiblePart(title, max);
    return [
      {
        message: `The title is ${Math.round(width)}px wide in Google's results, over the ${max}px they show; it would be cut after ${quote(shown, 200)}.`,
        fix: `Shorten it by about ${[...title].length - [...shown].length + 3} characters, putting the words that matter first (${whereToFix(page, context, 'title:', 'the page title')}).`,
        evidence: 'title:',
      },
    ];
  },
};
