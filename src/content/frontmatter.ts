import { parseDocument } from 'yaml';

/** A Markdown file whose frontmatter cannot be read; names the file and line. */
export class FrontmatterError extends Error {
  override name = 'FrontmatterError';
  readonly file: string;
  readonly line: number;
  constructor(file: string, line: number, problem: string) {
    super(`${file}:${line}: ${problem}`);
    this.file = file;
    this.line = line;
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
    const yamlLine = firstError.linePos?.[0].line ?? 1;
    const problem = firstError.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'invalid YAML';
    throw new FrontmatterError(file, yamlLine + 1, `invalid YAML in the frontmatter: ${problem}`);
  }
  const data: unknown = document.toJS() ?? {};
  if (typeof data !== 'object' || Array.isArray(data) || data === null) {
    throw new FrontmatterError(file, 2, 'the frontmatter must be a list of "key: value" fields');
  }
  return { data: data as Record<string, unknown>, body: lines.slice(closing + 1).join('\n').trim(), rawData };
}
