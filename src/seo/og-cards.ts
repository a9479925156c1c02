// Which Open Graph card each built page asks for. Pages name their card in og:image; the card's
// text is read back from the same page (og:title, article dates), so the picture always says
// what the page says and no list of cards has to be kept beside the pages.
import type { SiteConfig } from '../config/site-schema.ts';
import { formatDisplayDate } from '../lib/dates.ts';
import type { OgCard } from './og-image.ts';
import { absoluteUrl, type RoutePath, type UrlPolicy } from './urls.ts';

const OG_FOLDER = 'og/';

const COVERS = `${OG_FOLDER}covers/`;

export const ogCardRoutes = {
  /** The card of every page that is not a post. */
  site: `/${OG_FOLDER}site.png`,
  post: (slug: string): RoutePath => `/${OG_FOLDER}posts/${slug}.png`,
  /**
   * The card drawn on a post's cover, named after the cover's cropped file (a path in dist/, such as
   * `_astro/hero.x.jpg`), so the page's og:image alone says which photo the card is drawn on.
   */
  cover: (coverFile: string): RoutePath => `/${COVERS}${coverFile.replace(/^\/+/, '')}`,
} as const;

export interface CardFacts {
  ogImage?: string;
  ogTitle?: string;
  published?: string;
  modified?: string;
}

export interface CardContext {
  site: SiteConfig;
  urls: UrlPolicy;
}

export function siteCard(site: SiteConfig): OgCard {
  return { siteName: site.title, title: site.description, footer: new URL(site.url).host };
}

/** The card a page's og:image names, or undefined when it names another image (a hero photo). */
export function ogCardForPage(facts: CardFacts, { site, urls }: CardContext): { url: string; card: OgCard } | undefined {
  const url = facts.ogImage;
  // The cards' folder as a plain URL: a route like "/og/" would take the site's page URL form (og.html).
  const folder = new URL(OG_FOLDER, urls.site.replace(/\/?$/, '/')).href;
  if (!url?.startsWith(folder)) return undefined;
  if (url === absoluteUrl(ogCardRoutes.site, urls)) return { url, card: siteCard(site) };
  const coverFile = url.startsWith(`${folder}covers/`) ? decodeURIComponent(url.slice(`${folder}covers/`.length)) : undefined;
  const when = facts.modified ?? facts.published;
  const date = when ? formatDisplayDate(new Date(when), site.language, site.timezone) : undefined;
  const dated = date ? (facts.modified ? `Updated ${date}` : date) : undefined;
  const domain = new URL(site.url).host;
  const card = { siteName: site.title, title: facts.ogTitle ?? site.title, footer: dated ? `${dated} · ${domain}` : domain };
  return { url, card: coverFile ? { ...card, cover: coverFile } : card };
}
