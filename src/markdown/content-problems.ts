// Mistakes in a post's Markdown body (an image without alt text, a link to a missing post) that the
// Markdown plugins find. Astro renders content while syncing the collection, where an exception from a
// plugin is only logged and the post is cached with an empty body, so a throw would not stop the build.
// Instead a plugin records the problem in the rendered data (Astro's `remarkPluginFrontmatter`, which is
// cached with the HTML), and the post page calls `assertNoContentProblems`, failing the build every time.
import { readFileSync } from 'node:fs';
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import { UserError } from '../config/config-error.ts';
import { frontmatterClosingLine } from '../content/frontmatter.ts';
import { displayPath } from '../lib/files.ts';
import { pluginFrontmatter } from './plugin-data.ts';

export interface ContentProblem {
  /** Where to fix it, as `file:line:column` (the line in the source file, frontmatter included). */
  location: string;
  message: string;
}

export const CONTENT_PROBLEMS_KEY = 'contentProblems';

/** How many lines precede the body in a Markdown file: Astro renders the body alone, so its lines start at 1. */
export function bodyLineOffset(source: string): number {
  const lines = source.split(/\r?\n/);
  const closing = frontmatterClosingLine(lines);
  if (closing === -1) return 0;
  let first = closing + 1;
  while (first < lines.length && lines[first]!.trim() === '') first++;
  return first;
}

function sourceLocation(file: VFile, point: Point | undefined): string {
  if (!file.path) return point ? `${point.line}:${point.column}` : '(unknown file)';
  let offset = 0;
  try {
    offset = bodyLineOffset(readFileSync(file.path, 'utf8'));
  } catch {
    // The file may only exist in memory (a test); its lines are then the body's own.
  }
  const where = point ? `:${point.line + offset}:${point.column}` : '';
  return `${displayPath(file.path)}${where}`;
}

/** Records a problem for the page to report; see the comment at the top of this file. */
export function reportContentProblem(file: VFile, position: Position | undefined, message: string): void {
  const frontmatter = pluginFrontmatter(file);
  const problems = (frontmatter[CONTENT_PROBLEMS_KEY] as ContentProblem[] | undefined) ?? [];
  problems.push({ location: sourceLocation(file, position?.start), message });
  frontmatter[CONTENT_PROBLEMS_KEY] = problems;
}

export function readContentProblems(frontmatter: Record<string, unknown>): ContentProblem[] {
  const value = frontmatter[CONTENT_PROBLEMS_KEY];
  return Array.isArray(value) ? (value as ContentProblem[]) : [];
}

/** The heading above the Markdown problems of `postCount` posts, wherever the build reports them. */
export function markdownProblemsHeading(postCount: number): string {
  return postCount === 1
    ? 'The Markdown of a post needs fixing before it can be published:'
    : `The Markdown of ${postCount} posts needs fixing before they can be published:`;
}

/** A post body with mistakes the build refuses to publish (printed without a stack trace, see UserError). */
export class ContentProblemError extends UserError {
  override name = 'ContentProblemError';
}

/**
 * Throws one error listing every problem the Markdown plugins recorded for these posts (each post's
 * `remarkPluginFrontmatter`), so one build reports them all.
 */
export function assertNoContentProblems(...frontmatters: Record<string, unknown>[]): void {
  const perPost = frontmatters.map(readContentProblems).filter((problems) => problems.length > 0);
  if (perPost.length === 0) return;
  const lines = perPost.flat().map((problem) => `  ${problem.location}: ${problem.message}`);
  throw new ContentProblemError(`${markdownProblemsHeading(perPost.length)}\n${lines.join('\n')}`);
}
