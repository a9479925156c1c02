import type { PageRule } from '../types.ts';
import { quote } from './helpers.ts';

export const imgAlt: PageRule = {
  id: 'img-alt',
  scope: 'page',
  description: 'Every <img> has an alt attribute: a description, or alt="" for pure decoration.',
  defaultLevel: 'error',
  check(page) {
    return page.images
      .filter((image) => image.alt === undefined)
      .map((image) => ({
        message: `The image ${quote(image.src ?? '(no src)')} has no alt attribute.`,
        fix: 'Describe what the image shows in alt (in Markdown: ![what it shows](file)); use alt="" only for decoration.',
        ...(image.src === undefined ? {} : { evidence: image.src }),
      }));
  },
};
