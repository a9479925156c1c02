import { resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { UserError } from '../config/config-error.ts';

/** A Markdown file whose frontmatter cannot be read; names the file, line and column. */
export class FrontmatterError extends UserError {
  override name = 'FrontmatterError';
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** What is wrong and the fix, without the location. */
  readonly problem: string;
  constructor(file: string, line: number, problem: string, column = 1) {
    super(`${file}:${line}:${column}: ${problem}`, { loc: { file: resolve(file), line, column } });
    this.file = file;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }
}

export interface MarkdownEntry {
  /** Frontmatter as plain data: strings, numbers, booleans, lists and maps (dates stay strings). */
  data: Record<string, unknown>;
  /** The Markdown after the frontmatter. */
  body: string;
  /** The frontmatter's YAML text, for error locations. */
  rawData: string;
}

const FENCE = /^---[ \t]*$/;

/** The index of the line closing a file's frontmatter, or -1 when the file has none or never closes it. */
export function frontmatterClosingLine(lines: readonly string[]): number {
  if (!FENCE.test(lines[0] ?? '')) return -1;
  return lines.findIndex((line, index) => index > 0 && FENCE.test(line));
}

/**
 * Splits a Markdown file into frontmatter and body, reading the YAML with the YAML 1.2 core
 * schema: unquoted dates stay text (so the date schema can check them strictly), duplicate keys
 * and tab indentation are errors rather than silently resolved.
 */
export function parseMarkdownEntry(source: string, file: string): MarkdownEntry {
  if (source.startsWith('\uFEFF')) {
    throw new FrontmatterError(file, 1, 'the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM');
  }
  const lines = source.split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) {
    throw new FrontmatterError(
      file,
      1,
      'no frontmatter: start the file with a line "---", then title:, description: and pubDate:, then "---"',
    );
  }
  const closing = frontmatterClosingLine(lines);
  if (closing === -1) {
    throw new FrontmatterError(file, 1, 'the frontmatter is never closed: add a line "---" after its last field');
  }
  const rawData = lines.slice(1, closing).join('\n');
  const document = parseDocument(rawData, { schema: 'core', uniqueKeys: true, prettyErrors: true });
  const firstError = document.errors[0];
  if (firstError) {
    const position = firstError.linePos?.[0] ?? { line: 1, col: 1 };
    const problem = firstError.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'invalid YAML';
    throw new FrontmatterError(file, position.line + 1, `invalid YAML in the frontmatter: ${problem}`, position.col);
  }
  const data: unknown = document.toJS() ?? {};
  if (typeof data !== 'object' || Array.isArray(data) || data === null) {
    throw new FrontmatterError(file, 2, 'the frontmatter must be a list of "key: value" fields');
  }
  return { data: data as Record<string, unknown>, body: lines.slice(closing + 1).join('\n').trim(), rawData };
}

/** A line and column in a Markdown file, 1-based. */
export interface FilePosition {
  line: number;
  column: number;
}

/** The frontmatter's YAML starts on the file's second line, after the opening "---". */
const FRONTMATTER_FIRST_LINE = 2;

/**
 * Where a frontmatter field is written, for error messages: the start of its key (`hero.src` → the
 * `src:` line under `hero:`), or of a list item (`tags.1`). A field that is missing points at the
 * nearest parent that is there, and a missing top-level field at the closing "---", where it would
 * be added.
 */
export function fieldPosition(rawData: string, path: readonly PropertyKey[]): FilePosition {
  const lineCounter = new LineCounter();
  const document = parseDocument(rawData, { schema: 'core', lineCounter });
  const toFile = (offset: number): FilePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + FRONTMATTER_FIRST_LINE - 1, column: col };
  };
  const yamlLines = rawData === '' ? 0 : rawData.split('\n').length;
  let position: FilePosition = { line: yamlLines + FRONTMATTER_FIRST_LINE, column: 1 };
  let node: unknown = document.contents;
  for (const segment of path) {
    let next: Node | undefined;
    let start: number | undefined;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (pair && isScalar(pair.key)) {
        start = pair.key.range?.[0];
        next = pair.value as Node | undefined;
      }
    } else if (isSeq(node)) {
      next = node.items[Number(segment)] as Node | undefined;
      start = next?.range?.[0];
    }
    if (start === undefined) break;
    position = toFile(start);
    node = next;
  }
  return position;
}
