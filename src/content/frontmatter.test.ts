import { describe, expect, it } from 'vitest';
import { fieldPosition, FrontmatterError, parseMarkdownEntry } from './frontmatter.ts';

const file = 'content/posts/example.md';

describe('parseMarkdownEntry', () => {
  it('splits frontmatter from the body and keeps dates as the text the author wrote', () => {
    const entry = parseMarkdownEntry('---\ntitle: Hello\npubDate: 2026-03-10\ndraft: false\n---\n\nBody text.\n', file);
    expect(entry.data).toEqual({ title: 'Hello', pubDate: '2026-03-10', draft: false });
    expect(entry.body).toBe('Body text.');
  });

  it('accepts Windows line endings', () => {
    expect(parseMarkdownEntry('---\r\ntitle: Hello\r\n---\r\nBody', file).data).toEqual({ title: 'Hello' });
  });

  it.each([
    { name: 'a tab used as indentation', source: '---\ntitle: a\ntags:\n\t- x\n---\n', message: `${file}:4:1: invalid YAML in the frontmatter: Tabs are not allowed as indentation` },
    { name: 'an unclosed quote', source: '---\ntitle: "Hello\ndescription: x\n---\n', message: `${file}:3:15: invalid YAML in the frontmatter: Missing closing "quote` },
    { name: 'a duplicated key', source: '---\ntitle: a\ntitle: b\n---\n', message: `${file}:3:1: invalid YAML in the frontmatter: Map keys must be unique` },
    { name: 'a byte-order mark', source: '\uFEFF---\ntitle: a\n---\n', message: `${file}:1:1: the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM` },
    { name: 'no frontmatter', source: '# Just a heading\n', message: `${file}:1:1: no frontmatter: start the file with a line "---"` },
    { name: 'unclosed frontmatter', source: '---\ntitle: a\n', message: `${file}:1:1: the frontmatter is never closed` },
    { name: 'a list instead of fields', source: '---\n- a\n- b\n---\n', message: `${file}:2:1: the frontmatter must be a list of "key: value" fields` },
  ])('rejects $name, naming the file, line and column', ({ source, message }) => {
    expect(() => parseMarkdownEntry(source, file)).toThrow(FrontmatterError);
    expect(() => parseMarkdownEntry(source, file)).toThrow(message);
  });
});

describe('fieldPosition', () => {
  const rawData = ['title: "A post"', 'hero:', '  src: ./hero.jpg', 'tags: [SEO, "Web"]', 'lint: { description-length: off }'].join('\n');

  it.each([
    { path: ['title'], line: 2, column: 1, where: 'a top-level field at its key' },
    { path: ['hero', 'src'], line: 4, column: 3, where: 'a nested field at its own line' },
    { path: ['tags', 1], line: 5, column: 13, where: 'a list item at the item' },
    { path: ['lint', 'description-length'], line: 6, column: 9, where: 'a key in a flow map' },
    { path: ['hero', 'alt'], line: 3, column: 1, where: 'a missing nested field at its parent' },
    { path: ['description'], line: 7, column: 1, where: 'a missing top-level field at the closing "---", where it goes' },
    { path: [], line: 7, column: 1, where: 'the whole frontmatter at the closing "---"' },
  ])('finds $where', ({ path, line, column }) => {
    expect(fieldPosition(rawData, path)).toEqual({ line, column });
  });

  it('counts an empty frontmatter’s closing line', () => {
    expect(fieldPosition('', ['title'])).toEqual({ line: 2, column: 1 });
  });
});

describe('FrontmatterError', () => {
  it('carries the absolute location Astro prints, and no stack trace', () => {
    const error = new FrontmatterError(file, 3, 'a problem', 5);
    expect(error.loc).toEqual({ file: expect.stringMatching(/^\/.*content\/posts\/example\.md$/), line: 3, column: 5 });
    expect(error.stack).toBe('');
  });
});
