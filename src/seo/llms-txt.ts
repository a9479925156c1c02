// /llms.txt (https://llmstxt.org): a Markdown map of the site for language models: the site's name as
// the one H1, its description as a blockquote, then H2 sections of `- [title](url): notes` links. The
// "Optional" section is the one a reader short of room may skip. Pure: facts in, text out.

export interface LlmsTxtLink {
  title: string;
  /** Absolute URL. */
  url: string;
  /** One line of notes after the link; none when empty. */
  notes?: string | undefined;
}

export interface LlmsTxtSection {
  heading: string;
  links: readonly LlmsTxtLink[];
}

export interface LlmsTxt {
  title: string;
  summary: string;
  sections: readonly LlmsTxtSection[];
}

/** The heading of the posts' section, which the SEO lint checks for completeness. */
export const LLMS_POSTS_SECTION = 'Posts';
/** The proposal's section for links a reader may skip. */
export const LLMS_OPTIONAL_SECTION = 'Optional';

/** Text on one line: a line break would end the heading, quote or list item early. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Link text with the characters that would end or nest a Markdown link escaped. */
const linkText = (text: string) => oneLine(text).replace(/[\\[\]]/g, '\\$&');

/** A URL as a Markdown link destination: parentheses and spaces would end it. */
const destination = (url: string) => url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');

export function renderLlmsTxt(document: LlmsTxt): string {
  const lines = [`# ${oneLine(document.title)}`, '', `> ${oneLine(document.summary)}`];
  for (const section of document.sections) {
    if (section.links.length === 0) continue;
    lines.push('', `## ${oneLine(section.heading)}`, '');
    for (const link of section.links) {
      const notes = link.notes ? oneLine(link.notes) : '';
      lines.push(`- [${linkText(link.title)}](${destination(link.url)})${notes ? `: ${notes}` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export interface SiteLlmsTxtInput {
  site: { title: string; description: string };
  /** The listed posts (published and indexable), newest first, each at its canonical URL. */
  posts: readonly { title: string; url: string; description: string }[];
  /** Pages worth knowing but not essential (About, the archive). */
  optional: readonly LlmsTxtLink[];
}

/** The site's llms.txt: every listed post with its description, then the optional pages. */
export function siteLlmsTxt(input: SiteLlmsTxtInput): string {
  return renderLlmsTxt({
    title: input.site.title,
    summary: input.site.description,
    sections: [
      { heading: LLMS_POSTS_SECTION, links: input.posts.map((post) => ({ title: post.title, url: post.url, notes: post.description })) },
      { heading: LLMS_OPTIONAL_SECTION, links: input.optional },
    ],
  });
}
