import type { PageRule, RuleFinding } from '../types.ts';
import { firstMeta } from './helpers.ts';

const MIN_WIDTH = 1200;
const MIN_HEIGHT = 630;

export const ogImage: PageRule = {
  id: 'og-image',
  scope: 'page',
  description: 'og:image (and twitter:image) is an absolute URL to an image in dist/, og:image at least 1200×630 with its true size declared.',
  defaultLevel: 'error',
  check(page, context) {
    const findings: RuleFinding[] = [];
    for (const key of ['og:image', 'twitter:image']) {
      const image = firstMeta(page, key);
      if (image === undefined) continue;
      if (!/^https?:\/\//i.test(image)) {
        findings.push({ message: `${key} "${image}" is not an absolute URL; platforms cannot load it.`, fix: `Write the full URL, e.g. ${new URL(image, page.url).href}.` });
        continue;
      }
      const target = context.resolve(image, page.url);
      if (!target) continue; // On another site: nothing here to check.
      const file = target.candidates.find((candidate) => context.dist.has(candidate));
      if (file === undefined) {
        findings.push({ message: `${key} ${image} is not in dist/.`, fix: 'Generate the image at build time, or point the tag at an image that exists.' });
        continue;
      }
      if (key !== 'og:image') continue;
      const size = context.dist.imageSize(file);
      if (!size) {
        findings.push({ message: `og:image ${image} is not a PNG, JPEG, GIF or WebP image.`, fix: 'Use a PNG or JPEG: not every platform shows SVG or AVIF.' });
        continue;
      }
      const declaredWidth = firstMeta(page, 'og:image:width');
      const declaredHeight = firstMeta(page, 'og:image:height');
      if (declaredWidth === undefined || declaredHeight === undefined) {
        findings.push({
          message: 'og:image:width and og:image:height are not both declared.',
          fix: `Declare them (${size.width} and ${size.height}) so platforms can lay out the card before the image loads.`,
        });
      } else if (Number(declaredWidth) !== size.width || Number(declaredHeight) !== size.height) {
        findings.push({
          message: `og:image is declared ${declaredWidth}×${declaredHeight} but ${file} is ${size.width}×${size.height}.`,
          fix: `Declare its real size, ${size.width}×${size.height}.`,
        });
      }
      if (size.width < MIN_WIDTH || size.height < MIN_HEIGHT) {
        findings.push({
          message: `og:image is ${size.width}×${size.height}, smaller than ${MIN_WIDTH}×${MIN_HEIGHT}; large cards show it small or not at all.`,
          fix: `Use an image of at least ${MIN_WIDTH}×${MIN_HEIGHT}.`,
        });
      }
    }
    return findings;
  },
};
