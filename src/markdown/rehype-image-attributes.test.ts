import { join } from 'node:path';
import { describeMarkdownFixtures } from '../../tests/helpers/markdown-fixtures.ts';
import rehypeImageAttributes, { type ImageAttributeOptions } from './rehype-image-attributes.ts';

describeMarkdownFixtures('rehype-image-attributes', (options, fixture) => {
  const resolved: ImageAttributeOptions = { ...options };
  if (typeof options['publicDir'] === 'string') resolved.publicDir = join(fixture.directory, options['publicDir']);
  return { rehypePlugins: [[rehypeImageAttributes, resolved]] };
});
