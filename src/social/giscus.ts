// What a post's giscus thread is made of, decided once from the site config. Pure: the
// Comments component renders it, the browser loader applies it, the build warns with it.
import type { GiscusConfig } from '../config/site-schema.ts';
import type { Theme } from '../theme/theme-toggle.ts';

/** The only origin giscus frames are loaded from, posted to and listened to. */
export const GISCUS_ORIGIN = 'https://giscus.app';

/** The giscus theme shown for each site theme (giscus also offers e.g. "dark_dimmed"). */
export const GISCUS_THEMES: Readonly<Record<Theme, string>> = { light: 'light', dark: 'dark' };

export function giscusTheme(theme: Theme): string {
  return GISCUS_THEMES[theme];
}

/** Settings every thread needs; giscus.app shows the values for a repository. */
export const REQUIRED_GISCUS_SETTINGS = ['repo', 'repoId', 'category', 'categoryId'] as const;

/**
 * The discussion term of a post: its id (the slug), in NFC so "café" typed either way is one
 * thread. It does not change with the URL format, the domain or the title, so threads are never
 * orphaned by a redesign.
 */
export function giscusTerm(postId: string): string {
  return postId.normalize('NFC');
}

export interface GiscusEmbed {
  /** Attributes of the `<giscus-widget>` element, except `theme`, which follows the site at run time. */
  attributes: Record<string, string>;
  /** Where readers without JavaScript find the thread on GitHub. */
  discussionsUrl: string;
}

const flag = (value: boolean): '1' | '0' => (value ? '1' : '0');

/** The embed for one post, or undefined when comments are off (no giscus settings). */
export function giscusEmbed(config: GiscusConfig | undefined, postId: string): GiscusEmbed | undefined {
  if (!config) return undefined;
  const term = giscusTerm(postId);
  // The web component reflects its properties as lower-case attributes (repoId → repoid).
  const attributes: Record<string, string> = {
    repo: config.repo,
    repoid: config.repoId,
    category: config.category,
    categoryid: config.categoryId,
    mapping: config.mapping,
    ...(config.mapping === 'specific' ? { term } : {}),
    strict: flag(config.strict),
    reactionsenabled: flag(config.reactions),
    emitmetadata: '0',
    inputposition: config.inputPosition,
    lang: config.lang,
    loading: 'eager',
  };
  const discussionsUrl = new URL(`https://github.com/${config.repo}/discussions`);
  discussionsUrl.searchParams.set('discussions_q', `in:title "${term}"`);
  return { attributes, discussionsUrl: discussionsUrl.href };
}

/** Build-time warnings about the comments setup; each says what to change. */
export function giscusSetupWarnings(config: GiscusConfig | undefined): string[] {
  if (!config) {
    const missing = REQUIRED_GISCUS_SETTINGS.map((name) => `giscus.${name}`).join(', ');
    return [
      `Comments are off: the site config has no giscus settings (missing ${missing}). ` +
        `Copy the values for your repository from ${GISCUS_ORIGIN} into src/site.config.ts to turn them on.`,
    ];
  }
  if (config.mapping !== 'specific') {
    return [
      `giscus.mapping is "${config.mapping}": a thread is lost whenever that value changes (a new URL format, domain or title). ` +
        'Use mapping "specific", which keys each thread to the post id, unless you are keeping existing threads.',
    ];
  }
  return [];
}

/** A message the page may act on: it came from giscus.app and has giscus's envelope. */
export function isGiscusMessage(message: { origin: string; data: unknown }): boolean {
  return message.origin === GISCUS_ORIGIN && typeof message.data === 'object' && message.data !== null && 'giscus' in message.data;
}

/** The setConfig message that switches a loaded giscus frame to another theme. */
export function themeMessage(theme: Theme): { giscus: { setConfig: { theme: string } } } {
  return { giscus: { setConfig: { theme: giscusTheme(theme) } } };
}

/** The theme a giscus frame was loaded with, read from its src. */
export function themeInFrameUrl(src: string): string | undefined {
  if (!URL.canParse(src)) return undefined;
  return new URL(src).searchParams.get('theme') ?? undefined;
}
