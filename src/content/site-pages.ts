// The owner's pages that are not posts: the About page and the promo note under posts. Each is one
// Markdown file in content/pages/, read with the same strict frontmatter and Markdown pipeline as posts.
import { z } from 'astro/zod';
import { strictObject } from '../config/strict-object.ts';
import type { ContentProblem } from './content-error.ts';
import { FrontmatterError, parseMarkdownEntry, type MarkdownEntry } from './frontmatter.ts';
import { schemaProblems } from './post-checks.ts';
import { contentDate, text } from './post-schema.ts';
import { firstInvalidUtf8, invalidUtf8Message } from './utf8.ts';

/** The folder of content/ that holds the site pages. */
export const SITE_PAGES_FOLDER = 'pages';

/** The About page (/about/): linked from the header and from the author block under every post. */
export function aboutPageSchema(timeZone: string) {
  return strictObject({
    /** The page's h1 and title tag, e.g. "About Urban Haze". */
    title: text('title', '"About Urban Haze"'),
    /** Meta description for search results and social cards. */
    description: text('description', '"Who writes Urban Haze, what it covers and how to get in touch."'),
    /** When the text last changed: shown at the end of the page and given to the sitemap as <lastmod>. */
    updatedDate: contentDate('updatedDate', timeZone),
  });
}

/** The promo note shown at the end of posts (site config `promo`; a post's `promo: false` leaves it off). */
export const promoNoteSchema = strictObject({
  /** The note's heading. */
  title: text('title', '"Found this page through a search?"'),
});

export type AboutPageData = z.output<ReturnType<typeof aboutPageSchema>>;
export type PromoNoteData = z.output<typeof promoNoteSchema>;

/** Every file content/pages/ may hold, and what it is for (named in the errors). */
export const SITE_PAGE_FILES = {
  about: { file: 'about.md', role: 'the About page (/about/), linked from the header and from every post' },
  promo: { file: 'promo.md', role: 'the promo note under posts' },
} as const;

export type SitePageId = keyof typeof SITE_PAGE_FILES;

/** What a missing required page file means and how to fix it. */
export function missingPageProblem(page: SitePageId, shownFolder: string): ContentProblem {
  const { file, role } = SITE_PAGE_FILES[page];
  const message =
    page === 'about'
      ? `the file is missing; it holds ${role}. Create it with a frontmatter of title:, description: and updatedDate: (e.g. 2026-11-29), then the page's text in Markdown.`
      : `the file is missing; it holds ${role}. Create it with a frontmatter of title: and the note's text in Markdown, or set promo: false in src/site.config.ts to show no note.`;
  return { file: `${shownFolder}/${file}`, message };
}

/** A Markdown file in content/pages/ that no page reads: most likely a typo of one that does. */
export function unknownPageProblems(fileNames: readonly string[], shownFolder: string): ContentProblem[] {
  const known: readonly string[] = Object.values(SITE_PAGE_FILES).map((page) => page.file);
  const list = known.join(', ');
  return fileNames
    .filter((name) => name.endsWith('.md') && !known.includes(name))
    .map((name) => ({
      file: `${shownFolder}/${name}`,
      message: `no page is built from this file; content/pages/ holds only ${list}. Rename it to one of those, or move a post to content/posts/.`,
    }));
}

export interface CheckedPage {
  entry?: MarkdownEntry;
  problems: ContentProblem[];
}

/** A page file checked as posts are: UTF-8, strict frontmatter, then its schema, every problem at its line. */
export function checkPageSource(bytes: Uint8Array, file: string, schema: z.ZodType): CheckedPage {
  const badByte = firstInvalidUtf8(bytes);
  if (badByte) return { problems: [{ file, line: badByte.line, column: badByte.column, message: invalidUtf8Message(badByte) }] };
  let entry: MarkdownEntry;
  try {
    entry = parseMarkdownEntry(Buffer.from(bytes).toString('utf8'), file);
  } catch (error) {
    if (!(error instanceof FrontmatterError)) throw error;
    return { problems: [{ file, line: error.line, column: error.column, message: error.problem }] };
  }
  const parsed = schema.safeParse(entry.data);
  if (!parsed.success) return { problems: schemaProblems(file, entry.rawData, parsed.error.issues) };
  return { entry, problems: [] };
}

/** Whether a post ends with the promo note: the site shows one and the post does not opt out. */
export function showsPromoNote(post: { promo: boolean }, site: { promo: boolean }): boolean {
  return site.promo && post.promo;
}
