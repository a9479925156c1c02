import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'astro/zod';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { displayPath } from '../lib/files.ts';
import { readContentProblems } from '../markdown/content-problems.ts';
import { ContentError, type ContentProblem } from './content-error.ts';
import { locatedProblem } from './posts-loader.ts';
import { checkPageSource, missingPageProblem, SITE_PAGE_FILES, SITE_PAGES_FOLDER, unknownPageProblems, type SitePageId } from './site-pages.ts';

export interface SitePageLoaderOptions {
  /** The content folder (CONTENT_DIR): the page is read from its pages/ folder. */
  contentDir: string;
  page: SitePageId;
  /** The page's frontmatter schema (src/content/site-pages.ts), checked before Astro reads the file. */
  schema: z.ZodType;
  /** Whether the site needs the page; a missing file then stops the build, saying what to create. */
  required: boolean;
  /** Also refuse Markdown files in pages/ that no page reads (one loader does it, so each is named once). */
  checkFolder?: boolean;
}

interface MarkdownEntryType {
  getEntryInfo(params: { contents: string; fileUrl: URL }): Promise<unknown>;
}

/**
 * One owner page (content/pages/<page>.md) as a collection of at most one entry, with id `page`.
 * Astro's glob loader reads it, through the posts' Markdown pipeline, after the same strict checks as a
 * post: every problem is reported at its file, line and column, and Markdown problems (a missing
 * image) stop the build once, here.
 */
export function sitePageLoader({ contentDir, page, schema, required, checkFolder = false }: SitePageLoaderOptions): Loader {
  const base = `${contentDir.replace(/\/+$/, '')}/${SITE_PAGES_FOLDER}`;
  const { file } = SITE_PAGE_FILES[page];
  const inner = glob({ pattern: file, base, generateId: () => page });
  return {
    name: `site-page-loader:${page}`,
    async load(context: LoaderContext) {
      const folder = resolve(fileURLToPath(context.config.root), base);
      const shownFolder = displayPath(folder);
      const path = join(folder, file);
      const problems: ContentProblem[] = checkFolder && existsSync(folder) ? unknownPageProblems(readdirSync(folder).sort(), shownFolder) : [];
      if (!existsSync(path)) {
        if (required) problems.push(missingPageProblem(page, shownFolder));
        if (problems.length > 0) throw new ContentError(problems, {});
        context.store.clear();
        return;
      }
      const checked = checkPageSource(readFileSync(path), displayPath(path), schema);
      problems.push(...checked.problems);
      if (problems.length > 0) throw new ContentError(problems, {});

      const entryTypes = (context as LoaderContext & { entryTypes: Map<string, MarkdownEntryType> }).entryTypes;
      const strictEntryTypes = new Map(entryTypes).set('.md', {
        ...entryTypes.get('.md'),
        async getEntryInfo({ fileUrl }: { contents: string; fileUrl: URL }) {
          // Read again: the dev server calls this when the file has just been edited.
          const result = checkPageSource(readFileSync(fileURLToPath(fileUrl)), displayPath(fileURLToPath(fileUrl)), schema);
          if (!result.entry) throw new ContentError(result.problems, {});
          return { data: result.entry.data, body: result.entry.body, rawData: result.entry.rawData };
        },
      });
      await inner.load({ ...context, entryTypes: strictEntryTypes } as LoaderContext);
      const frontmatter = context.store.get(page)?.rendered?.metadata?.frontmatter ?? {};
      const markdownProblems = readContentProblems(frontmatter).map(({ location, message }) => locatedProblem(location, message));
      if (markdownProblems.length > 0) throw new ContentError(markdownProblems, {});
    },
  };
}
