// `--since <git-ref>`: the pages whose sources changed since a commit. A post's Markdown file (or a file
// in its folder, like an image) maps to its page; anything else that changed (templates, CSS, public/,
// the config, dependencies) may change any page, so it stands for one page per template.
import { spawnSync } from 'node:child_process';
import { dirname, relative, resolve, sep } from 'node:path';
import { readPostSources } from '../../src/seo/lint/post-sources.ts';
import type { UrlPolicy } from '../../src/seo/urls.ts';
import type { SourceChanges } from './select-pages.ts';

export class SinceError extends Error {
  override name = 'SinceError';
}

const toPosix = (path: string) => path.split(sep).join('/');

/**
 * Pure: changed files (relative to the project root, "/"-separated) and the posts' source files
 * (same form, each with its page path) in, the changed pages out.
 */
export function sourceChangesOf(changedFiles: readonly string[], postPages: ReadonlyMap<string, string>, postsDir: string): SourceChanges {
  const paths = new Set<string>();
  let sharedSourcesChanged = false;
  const folders = new Map<string, string>();
  for (const [file, path] of postPages) if (/\/index\.md$/.test(file)) folders.set(dirname(file), path);
  for (const file of changedFiles) {
    const post = postPages.get(file);
    if (post) {
      paths.add(post);
      continue;
    }
    if (file.startsWith(`${postsDir}/`)) {
      // A file beside a post in its folder (an image), or a post that no longer exists (nothing to audit).
      let folder = dirname(file);
      while (folder.startsWith(postsDir) && !folders.has(folder)) folder = dirname(folder);
      const owner = folders.get(folder);
      if (owner) paths.add(owner);
      continue;
    }
    sharedSourcesChanged = true;
  }
  return { paths, sharedSourcesChanged };
}

function git(args: string[], cwd: string): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.error) throw new SinceError(`--since needs git, which did not run: ${result.error.message}`);
  if (result.status !== 0) throw new SinceError(`git ${args.join(' ')} failed: ${result.stderr.trim() || `exit code ${result.status}`}`);
  return result.stdout;
}

/** The pages whose sources changed since `ref`, committed or not (new files included). */
export function sourceChangesSince(ref: string, options: { projectRoot: string; contentDir: string; policy: UrlPolicy }): SourceChanges {
  const root = options.projectRoot;
  const check = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: root, encoding: 'utf8' });
  if (check.status !== 0) throw new SinceError(`--since ${ref}: no such commit in ${root}. Give a branch, tag or commit, e.g. --since main or --since HEAD~3.`);
  const top = git(['rev-parse', '--show-toplevel'], root).trim();
  const fromTop = (file: string) => toPosix(relative(root, resolve(top, file)));
  const changed = [...git(['diff', '--name-only', ref, '--'], root).split('\n'), ...git(['ls-files', '--others', '--exclude-standard'], top).split('\n')]
    .filter((line) => line.trim() !== '')
    .map(fromTop);
  const postsDir = toPosix(relative(root, resolve(root, options.contentDir, 'posts')));
  const sources = readPostSources(options.contentDir, options.policy, root);
  const postPages = new Map<string, string>();
  for (const [url, source] of sources.byUrl) postPages.set(toPosix(relative(root, resolve(root, source.file))), new URL(url).pathname);
  return sourceChangesOf(changed, postPages, postsDir);
}
