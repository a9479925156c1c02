// Checks of one post that the schema cannot make alone: they need the build's clock, the file system
// or the new-post template. Each finding names the line to fix (see content-error.ts).
import { isAbsolute, join, resolve } from 'node:path';
import type { z } from 'astro/zod';
import { displayPath } from '../lib/files.ts';
import type { ContentProblem } from './content-error.ts';
import { fieldPosition, frontmatterClosingLine } from './frontmatter.ts';
import { NEW_POST_PLACEHOLDERS } from './new-post.ts';
import type { PostSourceData } from './post-schema.ts';
import { postStatus, shownDate } from './publishing.ts';

/** Frontmatter issues from the post schema, each at its field's line. */
export function schemaProblems(file: string, rawData: string, issues: readonly z.core.$ZodIssue[]): ContentProblem[] {
  return issues.map((issue) => ({
    file,
    ...fieldPosition(rawData, issue.path),
    message: `${issue.path.length > 0 ? issue.path.map(String).join('.') : '(frontmatter)'}: ${issue.message}`,
  }));
}

/**
 * The file a hero `src` names, as Astro's image() resolves it: relative to the post, or from the
 * project root when it starts with "/". Undefined for what only the bundler can resolve (a package
 * or an alias such as "~/assets/a.jpg") and for URLs.
 */
export function heroImageCandidates(src: string, postFile: string, root: string): string[] {
  if (/^[a-z][a-z\d+.-]*:/i.test(src) || /^[~@#]/.test(src)) return [];
  if (src.startsWith('/')) return [join(root, src), ...(isAbsolute(src) ? [src] : [])];
  return [resolve(postFile, '..', src)];
}

export interface PostSource {
  /** The post as the owner knows it (see ContentProblem.file). */
  file: string;
  /** Absolute path of the post, to find its hero image. */
  path: string;
  /** The whole file. */
  source: string;
  /** The frontmatter's YAML text. */
  rawData: string;
  data: PostSourceData;
}

export interface PostCheckContext {
  /** The build's clock (BUILD_DATE or now). */
  now: Date;
  timeZone: string;
  /** The project root, from which a hero `src` starting with "/" is read. */
  root: string;
  /** `astro dev` previews drafts and posts being written: only a build refuses unfinished posts. */
  building: boolean;
  fileExists: (path: string) => boolean;
}

function heroProblem(post: PostSource, context: PostCheckContext): ContentProblem | undefined {
  const src = post.data.hero?.src;
  if (src === undefined) return undefined;
  const candidates = heroImageCandidates(src, post.path, context.root);
  if (candidates.length === 0 || candidates.some(context.fileExists)) return undefined;
  return {
    file: post.file,
    ...fieldPosition(post.rawData, ['hero', 'src']),
    message:
      `hero.src: the image "${src}" does not exist (looked for ${candidates.map((candidate) => displayPath(candidate, context.root)).join(' and ')}). ` +
      'Check the file name, or put the image next to the post and write its path from there, e.g. src: ./hero.jpg',
  };
}

function futureUpdateProblem(post: PostSource, context: PostCheckContext): ContentProblem | undefined {
  const updated = post.data.updatedDate;
  if (!updated || updated.getTime() <= context.now.getTime()) return undefined;
  return {
    file: post.file,
    ...fieldPosition(post.rawData, ['updatedDate']),
    message:
      `updatedDate: ${shownDate(updated, context.timeZone)} is after the build date ${shownDate(context.now, context.timeZone)}, ` +
      'so the page and the sitemap would announce a change that has not happened. ' +
      'Set updatedDate to the day of the last real change, or remove it.',
  };
}

function placeholderProblems(post: PostSource): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const { descriptionStart, descriptionEnd, body } = NEW_POST_PLACEHOLDERS;
  const description = post.data.description;
  if (description.startsWith(descriptionStart) && description.endsWith(descriptionEnd)) {
    problems.push({
      file: post.file,
      ...fieldPosition(post.rawData, ['description']),
      message:
        'description: still the new-post template’s placeholder. Write one or two sentences on what readers get from the post ' +
        '(70–160 characters; search results and social cards show it).',
    });
  }
  const lines = post.source.split(/\r?\n/);
  const bodyStart = frontmatterClosingLine(lines) + 1;
  const index = lines.findIndex((line, lineIndex) => lineIndex >= bodyStart && line.includes(body));
  if (index !== -1) {
    problems.push({
      file: post.file,
      line: index + 1,
      column: lines[index]!.indexOf(body) + 1,
      message: `the body still has the new-post template’s text; replace "${body}" with the post’s opening paragraph.`,
    });
  }
  return problems;
}

/**
 * What keeps a post out of the build: a hero image that does not exist (Astro's own error names neither
 * the post nor the field) and, when the post is to be published, an update dated in the future and text
 * left from the new-post template. A scheduled post is checked for the template too: it goes out on
 * its day, on a build no one may be watching.
 */
export function postProblems(post: PostSource, context: PostCheckContext): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const hero = heroProblem(post, context);
  if (hero) problems.push(hero);
  if (!context.building) return problems;
  const status = postStatus({ data: post.data }, context.now);
  if (status === 'published') {
    const future = futureUpdateProblem(post, context);
    if (future) problems.push(future);
  }
  if (status !== 'draft') problems.push(...placeholderProblems(post));
  return problems;
}
