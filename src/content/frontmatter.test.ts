import { describe, expect, it } from 'vitest';
import { FrontmatterError, parseMarkdownEntry } from './frontmatter.ts';

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
    { name: 'a tab used as indentation', source: '---\ntitle: a\ntags:\n\t- x\n---\n', message: `${file}:4: invalid YAML in the frontmatter: Tabs are not allowed as indentation` },
    { name: 'an unclosed quote', source: '---\ntitle: "Hello\ndescription: x\n---\n', message: `${file}:3: invalid YAML in the frontmatter: Missing closing "quote` },
    { name: 'a duplicated key', source: '---\ntitle: a\ntitle: b\n---\n', message: `${file}:3: invalid YAML in the frontmatter: Map keys must be unique` },
    { name: 'a byte-order mark', source: '\uFEFF---\ntitle: a\n---\n', message: `${file}:1: the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM` },
    { name: 'no frontmatter', source: '# Just a heading\n', message: `${file}:1: no frontmatter: start the file with a line "---"` },
    { name: 'unclosed frontmatter', source: '---\ntitle: a\n', message: `${file}:1: the frontmatter is never closed` },
    { name: 'a list instead of fields', source: '---\n- a\n- b\n---\n', message: `${file}:2: the frontmatter must be a list of "key: value" fields` },
  ])('rejects $name, naming the file and line', ({ source, message }) => {
    expect(() => parseMarkdownEntry(source, file)).toThrow(FrontmatterError);
    expect(() => parseMarkdownEntry(source, file)).toThrow(message);
  });
});
