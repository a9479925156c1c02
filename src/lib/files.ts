// File helpers shared by the build integrations, the lint and the scripts.
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';

/** Every file below `root`, as paths relative to it with forward slashes; none when `root` is missing. */
export function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** Puts `source` at `target`, replacing it: a hard link costs nothing; a copy when the two are on different disks. */
export function linkOrCopy(source: string, target: string): void {
  mkdirSync(dirname(target), { recursive: true });
  rmSync(target, { force: true });
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}

/** A path a site owner recognises: relative to the project (forward slashes), or absolute when outside it. */
export function displayPath(path: string, root: string = process.cwd()): string {
  const fromRoot = relative(root, path);
  return fromRoot !== '' && !fromRoot.startsWith('..') && !isAbsolute(fromRoot) ? fromRoot.split(sep).join('/') : path;
}
