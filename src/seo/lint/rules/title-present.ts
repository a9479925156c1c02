import type { PageRule } from '../types.ts';
import { whereToFix } from './helpers.ts';

export const titlePresent: PageRule = {
  id: 'title-present',
  scope: 'page',
  description: 'Each page has exactly one non-empty <title>: the headline of its search result and browser tab.',
  defaultLevel: 'error',
  check(page, context) {
    const fix = `Give the page a title (${whereToFix(page, context, 'title:', 'the title passed to BaseLayout')}).`;
    if (page.titles.length === 0) return [{ message: 'The page has no <title>.', fix }];
    if (page.titles.length > 1) {
      return [{ message: `The page has ${page.titles.length} <title> elements.`, fix: 'Keep exactly one <title>, in <head>; remove the others.' }];
    }
    if (page.titles[0] === '') return [{ message: 'The <title> is empty.', fix }];
    return [];
  },
};
