import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { displayPath, linkOrCopy, listFiles } from './files.ts';

const root = mkdtempSync(join(tmpdir(), 'files-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('displayPath', () => {
  it('shows paths inside the project relative to it, and others in full', () => {
    expect(displayPath('/project/content/posts/a.md', '/project')).toBe('content/posts/a.md');
    expect(displayPath('/tmp/elsewhere/a.md', '/project')).toBe('/tmp/elsewhere/a.md');
  });
});

describe('listFiles', () => {
  it('lists every file below a folder with forward slashes, and nothing for a missing folder', () => {
    mkdirSync(join(root, 'list/posts/a'), { recursive: true });
    writeFileSync(join(root, 'list/index.html'), '');
    writeFileSync(join(root, 'list/posts/a/index.html'), '');
    expect(listFiles(join(root, 'list')).sort()).toEqual(['index.html', 'posts/a/index.html']);
    expect(listFiles(join(root, 'missing'))).toEqual([]);
  });
});

describe('linkOrCopy', () => {
  it('puts the file in place, creating folders and replacing what was there', () => {
    writeFileSync(join(root, 'card.png'), 'new');
    mkdirSync(join(root, 'dist/og'), { recursive: true });
    writeFileSync(join(root, 'dist/og/card.png'), 'old');
    linkOrCopy(join(root, 'card.png'), join(root, 'dist/og/card.png'));
    linkOrCopy(join(root, 'card.png'), join(root, 'dist/deep/card.png'));
    expect(readFileSync(join(root, 'dist/og/card.png'), 'utf8')).toBe('new');
    expect(readFileSync(join(root, 'dist/deep/card.png'), 'utf8')).toBe('new');
  });
});
