import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

const isBlank = (node: ElementContent): boolean => node.type === 'text' && node.value.trim() === '';

/**
 * The caption of a paragraph that holds one image and nothing else, from the image's Markdown title
 * (`![alt](./x.svg "Caption")`); undefined for any other paragraph, so an image inside a sentence or a
 * link stays as written.
 */
export function figureCaption(paragraph: Element): string | undefined {
  if (paragraph.tagName !== 'p') return undefined;
  const content = paragraph.children.filter((child) => !isBlank(child));
  const image = content[0];
  if (content.length !== 1 || image?.type !== 'element' || image.tagName !== 'img') return undefined;
  const title = image.properties['title'];
  return typeof title === 'string' && title.trim() !== '' ? title.trim() : undefined;
}

/**
 * Turns an image alone in its paragraph with a title into a figure captioned by that title:
 * `<figure><img alt="…"><figcaption>Caption</figcaption></figure>`. The title attribute goes, so the
 * caption is not read twice (nor shown as a tooltip); the caption is a text node, so the serializer
 * escapes it. Runs after rehype-image-attributes, which takes a "=WxH" size off the title first.
 */
export default function rehypeFigures() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const caption = figureCaption(node);
      if (caption === undefined) return;
      const image = node.children.find((child): child is Element => child.type === 'element');
      if (!image) return;
      const { title: _title, ...properties } = image.properties;
      node.tagName = 'figure';
      node.properties = {};
      node.children = [
        { ...image, properties },
        { type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: caption }] },
      ];
      return 'skip';
    });
  };
}
