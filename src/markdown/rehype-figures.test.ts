import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { describeMarkdownFixtures } from '../../tests/helpers/markdown-fixtures.ts';
import rehypeFigures, { figureCaption } from './rehype-figures.ts';

describeMarkdownFixtures('rehype-figures', () => ({ rehypePlugins: [rehypeFigures] }));

const image = (title?: string): Element => ({ type: 'element', tagName: 'img', properties: { src: 'x.png', alt: 'X', ...(title === undefined ? {} : { title }) }, children: [] });
const paragraph = (...children: Element['children']): Element => ({ type: 'element', tagName: 'p', properties: {}, children });

describe('figureCaption', () => {
  it.each([
    { name: 'an image with a title, alone', node: paragraph({ type: 'text', value: '\n' }, image('Caption'), { type: 'text', value: ' ' }), caption: 'Caption' },
    { name: 'an image without a title', node: paragraph(image()), caption: undefined },
    { name: 'an image beside text', node: paragraph({ type: 'text', value: 'See ' }, image('Caption')), caption: undefined },
    { name: 'two images', node: paragraph(image('One'), image('Two')), caption: undefined },
    { name: 'an image in a list item, not a paragraph', node: { ...paragraph(image('Caption')), tagName: 'li' }, caption: undefined },
  ])('is read from $name: $caption', ({ node, caption }) => {
    expect(figureCaption(node)).toBe(caption);
  });
});
