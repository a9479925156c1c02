import { toZonedIsoString } from '../lib/dates.ts';
import { slugify } from '../lib/slug.ts';

export interface NewPostInput {
  title: string;
  now: Date;
  timeZone: string;
  tags?: readonly string[];
}

export interface NewPostFile {
  slug: string;
  /** Path inside the posts folder. */
  fileName: string;
  contents: string;
}

/**
 * The template's stand-in texts, which a post must replace before it is published; the posts loader
 * refuses a post that still has them (see post-checks.ts).
 */
export const NEW_POST_PLACEHOLDERS = {
  /** The description is this, the post's title, then `descriptionEnd`. */
  descriptionStart: 'What readers learn from “',
  descriptionEnd: '”, in one or two sentences for search results.',
  body: 'Start with a paragraph that answers the reader’s question. Use ## headings for sections.',
} as const;

/** The template's description for a post titled `title`. */
export function placeholderDescription(title: string): string {
  return `${NEW_POST_PLACEHOLDERS.descriptionStart}${title}${NEW_POST_PLACEHOLDERS.descriptionEnd}`;
}

/** A YAML double-quoted string (JSON's escaping is valid YAML). */
const yamlString = (value: string) => JSON.stringify(value);

/** The scaffold of a new post: a draft with valid frontmatter, dated today in the site's time zone. */
export function newPostFile({ title, now, timeZone, tags = [] }: NewPostInput): NewPostFile {
  const cleanTitle = title.trim().replace(/\s+/g, ' ');
  if (cleanTitle === '') throw new Error('Give the post a title: npm run new-post -- "My post title"');
  const slug = slugify(cleanTitle);
  if (slug === '') throw new Error(`The title "${cleanTitle}" has no letters or digits to make a URL from; add some.`);
  const today = toZonedIsoString(now, timeZone).slice(0, 10);
  const contents = [
    '---',
    `title: ${yamlString(cleanTitle)}`,
    `description: ${yamlString(placeholderDescription(cleanTitle))}`,
    `pubDate: ${today}`,
    `tags: [${tags.map(yamlString).join(', ')}]`,
    '# Remove this line (or set it to false) to publish.',
    'draft: true',
    '---',
    '',
    NEW_POST_PLACEHOLDERS.body,
    '',
  ].join('\n');
  return { slug, fileName: `${slug}.md`, contents };
}
