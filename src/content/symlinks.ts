// Symbolic links in content/. Astro's loader follows them, so a link to a folder publishes its posts a
// second time at other URLs (a link to its own folder, `loop-self -> .`, even several times over), and a
// link out of content/ publishes whatever it points at. A link to a file inside content/ is harmless
// and is read as that file.
import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';

export interface ContentLink {
  /** Absolute path of the link. */
  path: string;
  /** The target as written in the link, e.g. "." or "../../notes/post.md". */
  target: string;
  /** Where the link ends up after every link on the way, or undefined when that does not exist. */
  resolved: string | undefined;
  isFolder: boolean;
  /** Whether `resolved` lies inside the content folder. */
  insideContent: boolean;
}

export type LinkVerdict = 'file' | 'folder' | 'missing' | 'outside';

/** What the build makes of a link: only a file inside content/ may be read. */
export function linkVerdict(link: ContentLink): LinkVerdict {
  if (link.resolved === undefined) return 'missing';
  if (!link.insideContent) return 'outside';
  return link.isFolder ? 'folder' : 'file';
}

/** The message for a link the build refuses, or undefined for a link to a file inside content/. */
export function linkProblem(link: ContentLink, shown: (path: string) => string): string | undefined {
  const resolved = link.resolved === undefined ? '' : shown(link.resolved);
  // The target as written, and where it leads when that reads differently.
  const target = `"${link.target}"${resolved === '' || resolved === link.target ? '' : ` (${resolved})`}`;
  switch (linkVerdict(link)) {
    case 'file':
      return undefined;
    case 'missing':
      return `a symbolic link to ${target}, which does not exist. Remove the link, or put back the file it points at.`;
    case 'outside':
      return (
        `a symbolic link to ${target}, outside the content folder, which is all the build may read. ` +
        'Replace the link with a copy of the file, or move the file into the content folder.'
      );
    case 'folder':
      return (
        `a symbolic link to the folder ${target}, which would publish the posts in it a second time at other URLs ` +
        '(or loop forever). Remove the link; to publish posts kept elsewhere, move or copy their files into content/posts/.'
      );
  }
}

function isInside(root: string, path: string): boolean {
  const fromRoot = relative(root, path);
  return fromRoot === '' || (!fromRoot.startsWith('..') && !isAbsolute(fromRoot));
}

/** Every symbolic link below `contentDir`, without following any of them; none when the folder is missing. */
export function findContentLinks(contentDir: string): ContentLink[] {
  let root: string;
  try {
    root = realpathSync(contentDir);
  } catch {
    return [];
  }
  const links: ContentLink[] = [];
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      if (!entry.isSymbolicLink()) continue;
      let resolved: string | undefined;
      try {
        resolved = realpathSync(path);
      } catch {
        resolved = undefined;
      }
      links.push({
        path: resolve(contentDir, relative(root, path)),
        target: readlinkSync(path),
        resolved,
        isFolder: resolved !== undefined && statSync(resolved).isDirectory(),
        insideContent: resolved !== undefined && isInside(root, resolved),
      });
    }
  };
  if (lstatSync(root).isDirectory()) visit(root);
  return links;
}
