import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { displayPath } from '../lib/files.ts';
import { findContentLinks, linkProblem, linkVerdict, type ContentLink } from './symlinks.ts';

const link = (facts: Partial<ContentLink>): ContentLink => ({
  path: '/site/content/posts/link.md',
  target: 'other.md',
  resolved: '/site/content/posts/other.md',
  isFolder: false,
  insideContent: true,
  ...facts,
});

describe('linkVerdict', () => {
  it.each([
    { name: 'a file inside content/', facts: {}, verdict: 'file' },
    { name: 'a folder inside content/', facts: { target: '.', resolved: '/site/content/posts', isFolder: true }, verdict: 'folder' },
    { name: 'a file outside content/', facts: { target: '/etc/passwd', resolved: '/etc/passwd', insideContent: false }, verdict: 'outside' },
    { name: 'a folder outside content/', facts: { target: '../../notes', resolved: '/site/notes', isFolder: true, insideContent: false }, verdict: 'outside' },
    { name: 'nothing', facts: { target: 'gone.md', resolved: undefined, insideContent: false }, verdict: 'missing' },
  ])('a link to $name is $verdict', ({ facts, verdict }) => {
    expect(linkVerdict(link(facts))).toBe(verdict);
  });
});

describe('linkProblem', () => {
  const shown = (path: string) => displayPath(path, '/site');

  it('lets a link to a file inside content/ be read as that file', () => {
    expect(linkProblem(link({}), shown)).toBeUndefined();
  });

  it.each([
    {
      facts: { target: '.', resolved: '/site/content/posts', isFolder: true },
      message:
        'a symbolic link to the folder "." (content/posts), which would publish the posts in it a second time at other URLs ' +
        '(or loop forever). Remove the link; to publish posts kept elsewhere, move or copy their files into content/posts/.',
    },
    {
      facts: { target: '/etc/passwd', resolved: '/etc/passwd', insideContent: false },
      message:
        'a symbolic link to "/etc/passwd", outside the content folder, which is all the build may read. ' +
        'Replace the link with a copy of the file, or move the file into the content folder.',
    },
    {
      facts: { target: 'gone.md', resolved: undefined, insideContent: false },
      message: 'a symbolic link to "gone.md", which does not exist. Remove the link, or put back the file it points at.',
    },
  ])('refuses a link to $facts.target, saying the fix', ({ facts, message }) => {
    expect(linkProblem(link(facts), shown)).toBe(message);
  });
});

describe('findContentLinks', () => {
  const root = mkdtempSync(join(tmpdir(), 'content-links-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const content = join(root, 'content');
  mkdirSync(join(content, 'posts/folder'), { recursive: true });
  writeFileSync(join(content, 'posts/real.md'), '---\n---\n');
  writeFileSync(join(root, 'outside.md'), '---\n---\n');
  symlinkSync('.', join(content, 'posts/loop-self'));
  symlinkSync('../real.md', join(content, 'posts/folder/alias.md'));
  symlinkSync('../../outside.md', join(content, 'posts/escape.md'));
  symlinkSync('nowhere.md', join(content, 'posts/dangling.md'));

  it('finds every link without following any, with where each leads', () => {
    const found = findContentLinks(content).sort((a, b) => a.path.localeCompare(b.path));
    expect(found.map((each) => [relative(content, each.path), each.target, linkVerdict(each)])).toEqual([
      ['posts/dangling.md', 'nowhere.md', 'missing'],
      ['posts/escape.md', '../../outside.md', 'outside'],
      ['posts/folder/alias.md', '../real.md', 'file'],
      ['posts/loop-self', '.', 'folder'],
    ]);
  });

  it('finds none in a folder that does not exist', () => {
    expect(findContentLinks(join(root, 'missing'))).toEqual([]);
  });
});
