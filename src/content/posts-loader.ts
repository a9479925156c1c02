import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { UserError } from '../config/config-error.ts';
import { displayPath } from '../lib/files.ts';
import { slugFromPath } from '../lib/slug.ts';
import { markdownProblemsHeading, readContentProblems } from '../markdown/content-problems.ts';
import { ContentError, type ContentProblem } from './content-error.ts';
import { FrontmatterError, parseMarkdownEntry, type MarkdownEntry } from './frontmatter.ts';
import { postProblems, schemaProblems, type PostCheckContext } from './post-checks.ts';
import { postSourceSchema } from './post-schema.ts';
import { leftOutLine, leftOutPosts, postStatus, type PublishableData } from './publishing.ts';
import { findContentLinks, linkProblem } from './symlinks.ts';
import { firstInvalidUtf8, invalidUtf8Message } from './utf8.ts';

/** Two files that would be published at the same URL. */
export class SlugCollisionError extends UserError {
  override name = 'SlugCollisionError';
}

/**
 * Remembers which file claimed each slug and refuses a second file. Astro itself keeps
 * one of the two and only warns, so a post would silently vanish.
 */
export function createSlugRegistry(
  fileStillExists: (file: string) => boolean = () => true,
  absolutePath: (file: string) => string = (file) => resolve(file),
) {
  const owners = new Map<string, string>();
  return {
    claim(slug: string, file: string): void {
      const owner = owners.get(slug);
      if (owner !== undefined && owner !== file && fileStillExists(owner)) {
        throw new SlugCollisionError(
          `Two posts resolve to the same URL slug "${slug}": ${owner} and ${file}. ` +
            'Rename one of the files or give one of them a different slug: in its frontmatter.',
          { loc: { file: absolutePath(file), line: 1, column: 1 } },
        );
      }
      owners.set(slug, file);
    },
    clear(): void {
      owners.clear();
    },
  };
}

interface MarkdownEntryType {
  getEntryInfo(params: { contents: string; fileUrl: URL }): Promise<unknown>;
}

/** Which slug a post gets: its frontmatter `slug`, else its path (NFC, lower case). */
export function postSlug(entryPath: string, data: Record<string, unknown>): string {
  return typeof data['slug'] === 'string' && data['slug'] !== '' ? data['slug'].normalize('NFC') : slugFromPath(entryPath);
}

/** The Markdown files Astro's glob (`**\/*.md`) reads below `folder`: dot-folders and dot-files left out, as it does. */
function postFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !path.slice(folder.length).split(/[\\/]/).some((segment) => segment.startsWith('.')))
    .filter((path) => statSync(path).isFile())
    .sort();
}

interface CheckedPost {
  contents: string;
  entry?: MarkdownEntry;
  problems: ContentProblem[];
}

export interface PostsLoaderOptions {
  /** The content folder: posts are read from its posts/ folder, and every symbolic link in it is checked. */
  contentDir: string;
  /** The build's clock (buildEnv.now): what is published, and what is a date in the future. */
  now: Date;
  /** The site's time zone, in which frontmatter dates are read and shown. */
  timeZone: string;
}

/**
 * Astro's glob loader, wrapped. Before it reads anything, every post is checked (symbolic links,
 * UTF-8, frontmatter, hero image, unfinished posts) and all problems are reported together, each at
 * its file, line and column. Frontmatter is read strictly (see frontmatter.ts), slugs are
 * normalised, and two files with one slug fail the build naming both. After loading, a build
 * refuses Markdown problems the plugins recorded and says which posts it leaves out.
 */
export function postsLoader({ contentDir, now, timeZone }: PostsLoaderOptions): Loader {
  const base = `${contentDir.replace(/\/+$/, '')}/posts`;
  const schema = postSourceSchema(timeZone);
  let rootDirectory = process.cwd();
  let baseDirectory = rootDirectory;
  let building = true;
  const checked = new Map<string, CheckedPost>();
  // Paths in messages are relative to where the command runs (the project), as the Markdown plugins'
  // are, or absolute for content kept elsewhere. Astro's root is only for resolving its own paths.
  const shownPath = (absolute: string) => displayPath(absolute);
  const registry = createSlugRegistry(
    (file) => existsSync(resolve(file)),
    (file) => resolve(file),
  );

  function checkPost(path: string, bytes: Uint8Array): CheckedPost {
    const file = shownPath(path);
    const badByte = firstInvalidUtf8(bytes);
    // Decoded as Astro reads the file (a BOM stays, for the frontmatter check to name it).
    const contents = Buffer.from(bytes).toString('utf8');
    if (badByte) return { contents, problems: [{ file, line: badByte.line, column: badByte.column, message: invalidUtf8Message(badByte) }] };
    let entry: MarkdownEntry;
    try {
      entry = parseMarkdownEntry(contents, file);
    } catch (error) {
      if (!(error instanceof FrontmatterError)) throw error;
      return { contents, problems: [{ file, line: error.line, column: error.column, message: error.problem }] };
    }
    const parsed = schema.safeParse(entry.data);
    if (!parsed.success) return { contents, problems: schemaProblems(file, entry.rawData, parsed.error.issues) };
    const context: PostCheckContext = { now, timeZone, root: rootDirectory, building, fileExists: existsSync };
    const problems = postProblems({ file, path, source: contents, rawData: entry.rawData, data: parsed.data }, context);
    return { contents, entry, problems };
  }

  const inner = glob({
    pattern: '**/*.md',
    base,
    generateId: ({ entry, data }) => {
      const slug = postSlug(entry, data);
      registry.claim(slug, shownPath(join(baseDirectory, entry)));
      return slug;
    },
  });
  return {
    name: 'posts-loader',
    async load(context: LoaderContext) {
      registry.clear();
      checked.clear();
      rootDirectory = fileURLToPath(context.config.root);
      baseDirectory = resolve(rootDirectory, base);
      // `astro dev` (the only command with a watcher) previews drafts and posts being written.
      building = context.watcher === undefined;

      const linkProblems = findContentLinks(resolve(rootDirectory, contentDir)).flatMap((link): ContentProblem[] => {
        const message = linkProblem(link, shownPath);
        return message ? [{ file: shownPath(link.path), message }] : [];
      });
      if (linkProblems.length > 0) throw new ContentError(linkProblems, {});

      const problems: ContentProblem[] = [];
      for (const path of postFiles(baseDirectory)) {
        const result = checkPost(path, readFileSync(path));
        checked.set(path, result);
        problems.push(...result.problems);
      }
      if (problems.length > 0) throw new ContentError(problems, {});

      const entryTypes = (context as LoaderContext & { entryTypes: Map<string, MarkdownEntryType> }).entryTypes;
      const strictEntryTypes = new Map(entryTypes).set('.md', {
        ...entryTypes.get('.md'),
        async getEntryInfo({ contents, fileUrl }: { contents: string; fileUrl: URL }) {
          const path = fileURLToPath(fileUrl);
          // Checked above, unless the dev server is reloading a file just edited.
          let result = checked.get(path);
          if (result?.contents !== contents) result = checkPost(path, readFileSync(path));
          if (result.problems.length > 0 || !result.entry) throw new ContentError(result.problems, {});
          const { entry } = result;
          return { data: entry.data, body: entry.body, rawData: entry.rawData, slug: entry.data['slug'] };
        },
      });
      await inner.load({ ...context, entryTypes: strictEntryTypes } as LoaderContext);
      if (!building) return;

      const posts = [...context.store.values()].map((stored) => ({
        file: shownPath(resolve(rootDirectory, stored.filePath ?? stored.id)),
        data: stored.data as unknown as PublishableData,
        frontmatter: stored.rendered?.metadata?.frontmatter ?? {},
      }));
      // Problems the Markdown plugins found in a post that gets a page: reported here, once, rather than
      // when the page renders, where Astro prints an error three times with two stack traces.
      const perPost = posts
        .filter((post) => postStatus(post, now) === 'published')
        .map((post) => readContentProblems(post.frontmatter).map(({ location, message }) => locatedProblem(location, message)))
        .filter((problems) => problems.length > 0);
      if (perPost.length > 0) throw new ContentError(perPost.flat(), { heading: markdownProblemsHeading(perPost.length) });
      for (const post of leftOutPosts(posts, now)) context.logger.info(leftOutLine(post, timeZone));
    },
  };
}

/** A Markdown plugin's `file:line:column` location (see src/markdown/content-problems.ts) as a problem. */
export function locatedProblem(location: string, message: string): ContentProblem {
  const match = /^(.*):(\d+):(\d+)$/.exec(location);
  return match ? { file: match[1]!, line: Number(match[2]), column: Number(match[3]), message } : { file: location, message };
}
