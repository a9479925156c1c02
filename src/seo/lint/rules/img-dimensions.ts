import type { PageRule } from '../types.ts';
import { quote } from './helpers.ts';

export const imgDimensions: PageRule = {
  id: 'img-dimensions',
  scope: 'page',
  description: 'Every <img> declares width and height, so the page does not jump as images load (layout shift, CLS).',
  defaultLevel: 'warn',
  check(page) {
    return page.images
      .filter((image) => image.width === undefined || image.height === undefined)
      .map((image) => ({
        message: `The image ${quote(image.src ?? '(no src)')} has no width and height.`,
        fix: 'Put images beside the post (./image.jpg) so Astro sizes them, or give a remote image its size in the title: ![alt](https://… "=1200x800").',
        ...(image.src === undefined ? {} : { evidence: image.src }),
      }));
  },
};
