// Which post each page URL was built from, worked out from the content folder with the same functions
// the site uses to name its URLs, so no build output has to carry source paths.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseMarkdownEntry } from '../../content/frontmatter.ts';
import { postSlug } from '../../content/posts-loader.ts';
import { displayPath, listFiles } from '../../lib/files.ts';
import { markdownExcerpt } from '../../markdown/remark-excerpt.ts';
import { absoluteUrl, routes, type UrlPolicy } from '../urls.ts';
import { lintLevelsSchema } from './rule-ids.ts';
import type { PostSource } from './types.ts';

const MENTIONS_FIELDS = /\b(slug|lint|canonical)\b/;

export interface PostSources {
  byUrl: Map<string, PostSource>;
  /** Files that could not be read (the build reports them in full; the lint just notes them). */
  problems: string[];
}

function markdownFiles(directory: string): string[] {
  return listFiles(directory)
    .filter((path) => path.endsWith('.md'))
    .sort();
}

/** Reads every post under `<contentDir>/posts`, keyed by the absolute URL of its page. */
export function readPostSources(contentDir: string, policy: UrlPolicy, root: string = process.cwd()): PostSources {
  const postsDir = join(contentDir, 'posts');
  const byUrl = new Map<string, PostSource>();
  const problems: string[] = [];
  for (const path of markdownFiles(postsDir)) {
    const absolute = join(postsDir, path);
    const file = displayPath(absolute, root);
    try {
      const source = readFileSync(absolute, 'utf8');
      // Only three frontmatter fields matter here; most posts have none of them, and reading their YAML
      // would be most of the lint's time on a large site. Any mention of one means a full, strict read.
      const frontmatter = source.slice(0, source.indexOf('\n---', 3) + 1 || undefined);
      const data = MENTIONS_FIELDS.test(frontmatter) ? parseMarkdownEntry(source, file).data : {};
      const levels = lintLevelsSchema.safeParse(data['lint'] ?? {});
      if (!levels.success) problems.push(`${file}: lint: ${levels.error.issues.map((issue) => issue.message).join('; ')}`);
      const url = absoluteUrl(routes.post(postSlug(path, data)), policy);
      byUrl.set(url, {
        file,
        levels: levels.success ? levels.data : {},
        canonical: typeof data['canonical'] === 'string' ? data['canonical'] : undefined,
        text: source,
        opening: () => markdownExcerpt(unified().use(remarkParse).parse(parseMarkdownEntry(source, file).body), 160),
      });
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return { byUrl, problems };
}

/** The line of the Markdown file where `evidence` first appears, to point a finding at it. */
export function sourceLine(text: string, evidence: string | undefined): number | undefined {
  if (!evidence) return undefined;
  const index = text.indexOf(evidence);
  if (index === -1) return undefined;
  let line = 1;
  for (let position = text.indexOf('\n'); position !== -1 && position < index; position = text.indexOf('\n', position + 1)) line++;
  return line;
}
