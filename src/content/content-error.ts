import { resolve } from 'node:path';
import { UserError } from '../config/config-error.ts';

/** One thing to fix in the content, where it is. */
export interface ContentProblem {
  /** The file as the owner knows it: relative to the project, or absolute when outside it. */
  file: string;
  /** 1-based; absent for a problem with the file as a whole (a symbolic link). */
  line?: number;
  column?: number;
  /** What is wrong and how to fix it. */
  message: string;
}

export function problemLocation({ file, line, column }: ContentProblem): string {
  return line === undefined ? file : `${file}:${line}:${column ?? 1}`;
}

/**
 * The text of a content error: one problem on one line; several (or any number, when a `heading` is
 * given) under a heading, one per line.
 */
export function formatContentProblems(problems: readonly ContentProblem[], heading?: string): string {
  const lines = problems.map((problem) => `${problemLocation(problem)}: ${problem.message}`);
  if (lines.length === 1 && heading === undefined) return lines[0]!;
  const title = heading ?? `${lines.length} problems in the content must be fixed before the site can be built:`;
  return [title, ...lines.map((line) => `  ${line}`)].join('\n');
}

/**
 * Content the build refuses, listing every problem found with its file, line and column. Thrown while
 * the collection loads, so Astro prints it once, without a stack trace (see UserError).
 */
export class ContentError extends UserError {
  override name = 'ContentError';
  readonly problems: readonly ContentProblem[];
  /** `root` resolves the problems' relative paths for the absolute "Location:" Astro prints. */
  constructor(problems: readonly ContentProblem[], { root = process.cwd(), heading }: { root?: string; heading?: string } = {}) {
    const located = problems.find((problem) => problem.line !== undefined);
    super(formatContentProblems(problems, heading), {
      loc: located && { file: resolve(root, located.file), line: located.line!, column: located.column ?? 1 },
    });
    this.problems = problems;
  }
}
